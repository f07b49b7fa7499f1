import FormworkSchema
import FormworkTemplate
import Testing

/// References to what a template does not declare, when a transform expands it: SAM names what it creates
/// after the resource it expands, so only those names (and references SAM rewrites) may be left to it.
@Suite struct TransformReferenceTests {
    func issues(_ yaml: String) throws -> [ValidationIssue] {
        TemplateValidator().validate(try Template.parse(yaml, format: .yaml)).filter { $0.rule == "missing-reference" || $0.rule == "unknown-resource-type" }
    }

    static let sam = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Worker:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/, Environment: {Variables: {TABLE: !Ref Missing}}}
          Topic:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: !Ref %@

        """

    @Test func underSAMAReferenceToNothingIsAnError() throws {
        let found = try issues(Self.sam.replacingOccurrences(of: "%@", with: "Jobs"))
        #expect(found.filter { $0.severity == .error }.map(\.path) == [["Resources", "Topic", "Properties", "TopicName", "Ref"]])
    }

    @Test func aNameSAMGivesAndAReferenceInsideASAMResourceAreLeftToTheTransform() throws {
        let found = try issues(Self.sam.replacingOccurrences(of: "%@", with: "WorkerRole"))
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.count == 2)
    }

    @Test func underAMacroAReferenceToNothingIsAWarning() throws {
        let found = try issues(
            Self.sam.replacingOccurrences(of: "%@", with: "Jobs").replacingOccurrences(
                of: "Transform: AWS::Serverless-2016-10-31", with: "Transform: [AWS::Serverless-2016-10-31, MyOrgMacro]"))
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func underSAMAnUnknownTypeIsAnError() throws {
        let found = try issues("Transform: AWS::Serverless-2016-10-31\nResources:\n  Jobs:\n    Type: AWS::SQS::Queues\n")
        #expect(found.map(\.severity) == [.error])
    }
}
