import FormworkChecks
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

    @Test func jsonFindingsNameTheirEquivalentsInOtherTools() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(Self.template, to: "t.json")
        let json = try JSONReader.parse(CommandRunner.run(["check", file, "--format", "json"], root: FormworkTool.self).output.standardOutput)
        let queueFinding = json["findings"]?.arrayValue?.first { $0["rule"] == "sqs-dead-letter-queue" }
        #expect(queueFinding?["equivalents"] == ["ES6000", "Serverless-SQSRedrivePolicy", "AwsSolutions-SQS3"])
    }

    @Test func listShowsEveryRuleAndExplainAcceptsAnotherToolsId() throws {
        let list = CommandRunner.run(["check", "--list"], root: FormworkTool.self)
        #expect(list.status == .done)
        #expect(list.output.standardOutput.split(separator: "\n").count == ServerlessRules.all.count)
        let explained = CommandRunner.run(["check", "--explain", "WS1000"], root: FormworkTool.self)
        #expect(explained.output.standardOutput.hasPrefix("# `lambda-tracing`: Functions are traced with X-Ray."))
        #expect(CommandRunner.run(["check", "--explain", "no-such-rule"], root: FormworkTool.self).status == .badInput)
        #expect(CommandRunner.run(["check"], root: FormworkTool.self).status == .badInput)
    }

    @Test func markdownFindingsFormATable() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(Self.template, to: "t.json")
        let lines = CommandRunner.run(["check", file, "--format", "markdown"], root: FormworkTool.self).output.standardOutput.split(separator: "\n")
        #expect(lines.first == "| source | severity | rule | resource | finding |")
        #expect(lines.count == 2 + 3)
    }
}
