import FormworkCLI
import FormworkTemplate
import FormworkTestSupport
import Testing

@Suite struct CheckCommandTests {
    static let template = """
    {
     "Resources": {
      "Lonely": {"Type": "AWS::SQS::Queue"},
      "Open": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "p", "Roles": ["r"],
       "PolicyDocument": {"Statement": [{"Action": "*", "Effect": "Allow", "Resource": "*"}]}}}
     }
    }
    """

    @Test func findingsCarryTheFileLineRuleAndFixAndStrictFailsOnErrors() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(Self.template, to: "t.json")
        let result = CommandRunner.run(["check", file], root: FormworkTool.self)
        #expect(result.status == .done)
        #expect(result.output.standardOutput.hasPrefix("\(file):4: error[iam-wildcard-action]: Open: a statement allows '*'"))
        #expect(result.output.standardOutput.contains("\(file):3: warning[sqs-dead-letter-queue]: Lonely:"))
        #expect(CommandRunner.run(["check", file, "--strict"], root: FormworkTool.self).status == .findings)
    }

    @Test func sarifListsTheRulesAndTheResults() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(Self.template, to: "t.json")
        let sarif = try JSONReader.parse(CommandRunner.run(["check", file, "--format", "sarif"], root: FormworkTool.self).output.standardOutput)
        #expect(sarif["version"] == "2.1.0")
        let results = try #require(sarif["runs"]?.arrayValue?.first?["results"]?.arrayValue)
        #expect(results.map { $0["ruleId"] } == ["iam-wildcard-action", "sqs-dead-letter-queue", "iam-wildcard-resource"])
        #expect(results.first?["locations"]?.arrayValue?.first?["physicalLocation"]?["region"] == ["startLine": 4])
    }
}
