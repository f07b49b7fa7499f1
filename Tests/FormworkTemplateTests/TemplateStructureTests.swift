import FormworkTemplate
import Testing

@Suite struct TemplateStructureTests {
    @Test func resourceWithoutTypeNamesItsPath() {
        #expect(throws: TemplateStructureError(path: "Resources.Queue", message: "a resource needs a 'Type'")) {
            try Template(json: ["Resources": ["Queue": ["Properties": [:]]]])
        }
    }

    @Test func unknownSectionIsRejected() {
        #expect(throws: TemplateStructureError.self) { try Template(json: ["Resource": [:]]) }
    }

    @Test func dependsOnAsASingleStringBecomesAList() throws {
        let template = try Template(json: ["Resources": ["A": ["Type": "T", "DependsOn": "B"]]])
        #expect(template.resources["A"]?.dependsOn == ["B"])
    }

    @Test func writesResourceAttributesInCDKOrder() {
        let resource = Template.Resource(
            type: "AWS::SQS::Queue", properties: ["A": 1], dependsOn: ["B"],
            updateReplacePolicy: "Retain", deletionPolicy: "Retain",
            metadata: ["m": 1], condition: "C")
        #expect(
            resource.json.objectValue?.keys.elements
                == ["Type", "Properties", "DependsOn", "UpdateReplacePolicy", "DeletionPolicy", "Metadata", "Condition"])
    }

    @Test func everySectionSurvivesAJSONRoundTrip() throws {
        let template = Template(
            formatVersion: "2010-09-09", description: "d", metadata: ["M": 1],
            parameters: ["Env": .init(type: "String", defaultValue: "dev", allowedValues: ["dev", "prod"])],
            mappings: ["Map": ["us-east-1": ["Ami": "x"]]],
            conditions: ["IsProd": .equals(.ref("Env"), "prod")],
            transform: "AWS::Serverless-2016-10-31",
            rules: ["R": ["Assertions": []]],
            resources: ["Q": .init(type: "AWS::SQS::Queue", condition: "IsProd")],
            outputs: ["O": .init(value: .ref("Q"), description: "url", exportName: "e", condition: "IsProd")]
        )
        #expect(try Template.parse(template.text(in: .json)) == template)
    }
}
