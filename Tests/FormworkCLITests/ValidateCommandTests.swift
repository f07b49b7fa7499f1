import FormworkCLI
import FormworkTestSupport
import Testing

@Suite struct ValidateCommandTests {
    func run(_ arguments: [String]) -> CommandRunner.Result {
        CommandRunner.run(arguments, root: FormworkTool.self)
    }

    @Test func aCleanTemplateExitsZero() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(#"{"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 5}}}}"#, to: "ok.json")
        let result = run(["validate", file])
        #expect(result.status == .done)
        #expect(result.output.standardError == "")
    }

    @Test func errorsInJSONNameFileLineColumnAndPropertyPath() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(
            """
            {
             "Resources": {
              "Queue": {
               "Type": "AWS::SQS::Queue",
               "Properties": {"DelaySeconds": 901}
              }
             }
            }
            """, to: "bad.json")
        let result = run(["validate", file])
        #expect(result.status == .badInput)
        #expect(
            result.output.standardError == """
                \(file):5:19: error[range]: Resources.Queue.Properties.DelaySeconds: 901 is above the maximum 900
                1 error in 1 template

                """)
    }

    @Test func errorsInYAMLNameTheLineOfTheKey() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimout: 30\n", to: "bad.yaml")
        let result = run(["validate", file])
        #expect(result.status == .badInput)
        #expect(result.output.standardError.hasPrefix("\(file):5:7: error[unknown-property]: Resources.Queue.Properties.VisibilityTimout:"))
    }

    @Test func everyTemplateIsCheckedAndEveryErrorCounted() throws {
        let folder = try TemporaryDirectory()
        let good = try folder.write(#"{"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}}"#, to: "good.json")
        let bad = try folder.write(
            #"{"Resources": {"Topic": {"Type": "AWS::SNS::Topik"}, "Q": {"Type": "AWS::SQS::Queue", "DependsOn": "X"}}}"#, to: "bad.json")
        let broken = try folder.write(#"{"Resources": "#, to: "broken.json")
        let result = run(["validate", good, bad, broken])
        #expect(result.status == .badInput)
        #expect(result.output.standardError.hasSuffix("3 errors in 3 templates\n"))
    }

    @Test func aFileThatCannotBeReadExitsThreeAfterCheckingTheOthers() throws {
        let folder = try TemporaryDirectory()
        let bad = try folder.write(#"{"Resources": {"Topic": {"Type": "AWS::SNS::Topik"}}}"#, to: "bad.json")
        let result = run(["validate", bad, folder.path("missing.json")])
        #expect(result.status == .environment)
        #expect(result.output.standardError.contains("error[unknown-resource-type]"))
        #expect(result.output.standardError.hasSuffix("1 error in 2 templates; 1 could not be read\n"))
    }
}
