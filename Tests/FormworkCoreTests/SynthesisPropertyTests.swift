import FormworkCore
import FormworkTemplate
import FormworkTestSupport
import PropertyBased
import Testing

/// Logical IDs and synthesis behave on any input (issue #12): IDs are valid and stable, and a generated app
/// synthesizes or fails with an error, never a trap.
@Suite struct SynthesisPropertyTests {
    @Test func logicalIdsAreValidAndStableForAnyPath() async {
        await propertyCheck(count: 500, input: TemplateGenerator.identifiers.array(of: 1...5)) { path in
            guard let id = LogicalId.make(path) else {
                #expect(path.allSatisfy { $0 == "Default" })
                return
            }
            #expect(LogicalId.make(path) == id)
            if !id.isEmpty { #expect(Template.isValidLogicalId(id), "\(path) gave '\(id)'") }
        }
    }

    @Test func aGeneratedAppSynthesizesOrFailsWithAnError() async {
        await propertyCheck(count: 200, input: TemplateGenerator.identifiers.array(of: 1...6), TemplateGenerator.templates) { ids, template in
            let properties = template.resources.values.map { $0.properties.mapValues(Value.init) }
            let app = App {
                Stack(ids[0]) {
                    for (index, id) in ids.enumerated() {
                        Resource(id, type: "AWS::SQS::Queue", properties: properties.isEmpty ? [:] : properties[index % properties.count])
                    }
                }
            }
            do {
                let assembly = try app.synthesize()
                for stack in assembly.stacks {
                    #expect(stack.template.resources.keys.allSatisfy(Template.isValidLogicalId))
                }
            } catch {
                #expect(!"\(error)".isEmpty)
            }
        }
    }
}
