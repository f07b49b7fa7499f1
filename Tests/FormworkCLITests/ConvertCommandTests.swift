import FormworkCLI
import FormworkTemplate
import FormworkTestSupport
import Testing

@Suite struct ConvertCommandTests {
    func run(_ arguments: [String]) -> CommandRunner.Result {
        CommandRunner.run(arguments, root: FormworkTool.self)
    }

    @Test func convertsShortFormYAMLToCDKStyleJSON() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub '${AWS::StackName}-q'\n", to: "t.yaml")
        let result = run(["convert", file, "--to", "json"])
        #expect(result.status == .done)
        #expect(
            result.output.standardOutput == """
                {
                 "Resources": {
                  "Q": {
                   "Type": "AWS::SQS::Queue",
                   "Properties": {
                    "QueueName": {
                     "Fn::Sub": "${AWS::StackName}-q"
                    }
                   }
                  }
                 }
                }

                """)
    }

    @Test func convertsJSONToYAMLInAFile() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(#"{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 5}}}}"#, to: "t.json")
        let result = run(["convert", file, "--to", "yaml", "--output", folder.path("t.yaml")])
        #expect(result.status == .done)
        #expect(try folder.read("t.yaml") == "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 5\n")
    }

    @Test func invalidJSONExitsTwoWithFileLineAndColumn() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("{\n \"Resources\": {\n  \"Q\": {\"Type\" \"AWS::SQS::Queue\"}\n }\n}", to: "bad.json")
        let result = run(["convert", file, "--to", "yaml"])
        #expect(result.status == .badInput)
        #expect(result.output.standardError == "error: \(file):3:16: expected ':' after the key 'Type', found '\"'\n")
    }

    @Test func invalidYAMLExitsTwoWithFileAndLine() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("Resources:\n  Q:\n    Type: [unclosed\n", to: "bad.yaml")
        let result = run(["convert", file, "--to", "json"])
        #expect(result.status == .badInput)
        #expect(result.output.standardError.hasPrefix("error: \(file):"))
    }

    @Test func aMissingFileIsAnEnvironmentFailure() {
        let result = run(["convert", "/nonexistent/template.json", "--to", "yaml"])
        #expect(result.status == .environment)
        #expect(result.output.standardError.contains("/nonexistent/template.json"))
    }
}
