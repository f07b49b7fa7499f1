import FormworkCLI
import FormworkCore
import FormworkTemplate
import FormworkTestSupport
import Testing

@Suite struct DiffCommandTests {
    static let old =
        #"{"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs-v1", "VisibilityTimeout": 30}}, "Topic": {"Type": "AWS::SNS::Topic"}}}"#
    static let new =
        #"{"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs-v2", "VisibilityTimeout": "30"}}, "Log": {"Type": "AWS::Logs::LogGroup"}}}"#

    func run(_ arguments: [String]) -> CommandRunner.Result {
        CommandRunner.run(arguments, root: FormworkTool.self)
    }

    @Test func theTextDiffSummarizesThenShowsEveryResourceWithItsImpact() throws {
        let folder = try TemporaryDirectory()
        let oldFile = try folder.write(Self.old, to: "Jobs.template.json")
        let newFile = try folder.write(Self.new, to: "new.json")
        let result = run(["diff", oldFile, newFile])
        #expect(result.status == .done)
        #expect(
            result.output.standardOutput == """
                Stack new: 1 to add, 1 to replace, 1 to destroy
                Resources
                [-] AWS::SNS::Topic Topic destroy
                [+] AWS::Logs::LogGroup Log
                [~] AWS::SQS::Queue Queue replace
                 ├─ [~] QueueName (requires replacement): "jobs-v1" → "jobs-v2"
                 └─ (!) AWS::SQS::Queue holds data: replacing it loses the data

                """)
    }

    @Test func failExitsOneWhenSomethingDiffersAndZeroWhenNothingDoes() throws {
        let folder = try TemporaryDirectory()
        let oldFile = try folder.write(Self.old, to: "old.json")
        let newFile = try folder.write(Self.new, to: "new.json")
        #expect(run(["diff", oldFile, newFile, "--fail"]).status == .findings)
        #expect(run(["diff", oldFile, oldFile, "--fail"]).status == .done)
    }

    @Test func theJSONFormatFollowsTheContract() throws {
        let folder = try TemporaryDirectory()
        let result = run(["diff", try folder.write(Self.old, to: "old.json"), try folder.write(Self.new, to: "new.json"), "--format", "json"])
        let document = try JSONReader.parse(result.output.standardOutput)
        let stack = try #require(document["stacks"]?.arrayValue?.first)
        #expect(stack["summary"] == ["add": 1, "update": 0, "replace": 1, "may-replace": 0, "destroy": 1, "orphan": 0])
        #expect(stack["resources"]?.arrayValue?.last?["changes"] == [["path": "QueueName", "old": "jobs-v1", "new": "jobs-v2", "replacement": "always"]])
    }

    @Test func anInvalidTemplateIsBadInputWithItsPosition() throws {
        let folder = try TemporaryDirectory()
        let bad = try folder.write("{\"Resources\": {", to: "bad.json")
        let result = run(["diff", bad, try folder.write(Self.new, to: "new.json")])
        #expect(result.status == .badInput)
        #expect(result.output.standardError.hasPrefix("error: \(bad):1:16:"))
    }

    @Test func anAppDiffedWithItsOwnSynthHasNoDifferences() throws {
        let app = App { Stack("Orders") { Resource("Queue", type: "AWS::SQS::Queue") } }
        let folder = try TemporaryDirectory()
        #expect(CommandRunner.run(["synth", "-o", folder.path("out")], root: AppCommand.self, app: app).status == .done)
        let result = CommandRunner.run(["diff", "--deployed", folder.path("out"), "--fail"], root: AppCommand.self, app: app)
        #expect(result.status == .done)
        #expect(result.output.standardOutput == "Stack Orders: no differences\n")
    }
}
