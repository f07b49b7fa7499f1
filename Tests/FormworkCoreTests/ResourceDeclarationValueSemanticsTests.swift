import FormworkCore
import Testing

/// `ResourceDeclaration` shares its fields between copies until one changes: constructs copy declarations and
/// change them (a tag, a dependency, an override), and a change must reach only the copy it was made to.
@Suite struct ResourceDeclarationValueSemanticsTests {
    @Test func aChangeToACopyLeavesTheOriginalAsItWas() {
        let original = ResourceDeclaration(type: "AWS::SQS::Queue", properties: ["VisibilityTimeout": 30])
        var copy = original
        copy.properties["VisibilityTimeout"] = 600
        copy.overrides.append(ResourceOverride("Properties.DelaySeconds", 5))
        copy.removalPolicy = .retain
        #expect(original.properties["VisibilityTimeout"] == 30)
        #expect(original.overrides.isEmpty)
        #expect(original.removalPolicy == nil)
        #expect(copy.properties["VisibilityTimeout"] == 600)
        #expect(copy.overrides.map(\.path) == [["Properties", "DelaySeconds"]])
        #expect(copy.removalPolicy == .retain)
    }
}
