import FormworkDiff
import FormworkTemplate
import FormworkTestSupport
import PropertyBased
import Testing

/// A template compared with itself, or with its own round trip through YAML, has no differences.
@Suite struct DiffSelfPropertyTests {
    @Test func aGeneratedTemplateHasNoDifferencesWithItself() async {
        await propertyCheck(count: 300, input: TemplateGenerator.templates) { template in
            #expect(TemplateDiffer().diff(old: template, new: template).isEmpty)
            let reread = try Template.parse(template.text(in: .yaml), format: .yaml)
            #expect(TemplateDiffer().diff(old: template, new: reread).isEmpty)
        }
    }
}
