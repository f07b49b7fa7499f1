import FormworkTemplate
import FormworkTestSupport
import PropertyBased
import Testing

/// Generated templates survive every way of writing and reading them unchanged (issue #12).
@Suite struct RoundTripPropertyTests {
    @Test func jsonAndYAMLRoundTripsKeepEveryGeneratedTemplate() async {
        await propertyCheck(count: 300, input: TemplateGenerator.templates) { template in
            for format in TemplateFormat.allCases {
                let text = try #require(try? template.text(in: format))
                let reread = try #require(try? Template.parse(text, format: format), "\(format) text does not read back:\n\(text)")
                #expect(reread == template, "a \(format) round trip changed the template:\n\(text)")
            }
        }
    }

    @Test func convertingBackAndForthIsStable() async {
        await propertyCheck(count: 200, input: TemplateGenerator.templates) { template in
            let yaml = try template.text(in: .yaml)
            let json = try Template.parse(yaml, format: .yaml).text(in: .json)
            let yamlAgain = try Template.parse(json, format: .json).text(in: .yaml)
            #expect(yamlAgain == yaml, "\(yaml)\n---\n\(json)\n---\n\(yamlAgain)")
        }
    }
}
