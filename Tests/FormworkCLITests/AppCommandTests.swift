import Foundation
import FormworkCLI
import FormworkCore
import FormworkTemplate
import FormworkTestSupport
import Testing

@Suite struct AppCommandTests {
    static let topic = Resource("Topic", type: "AWS::SNS::Topic")

    static let app = App {
        Stack("Shared") { topic }
        Stack("Orders") { Output("TopicArn", value: topic.ref) }
        Stack("Standalone") { Resource("Queue", type: "AWS::SQS::Queue") }
    }

    static let brokenApp = App {
        Stack("Broken") {
            Resource("Queue", type: "AWS::SQS::Queue")
            Resource("Queue", type: "AWS::SQS::Queue")
        }
    }

    func run(_ arguments: [String], app: App = Self.app) -> CommandRunner.Result {
        CommandRunner.run(arguments, root: AppCommand.self, app: app)
    }

    @Test func synthWritesAManifestAndOneTemplatePerStack() throws {
        let folder = try TemporaryDirectory()
        let result = run(["synth", "--output", folder.path("out")])
        #expect(result.status == .done)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).sorted()
                == [".formwork-assembly", "Orders.template.json", "Shared.template.json", "Standalone.template.json", "cdk.out", "manifest.json"])
        let manifest = try JSONReader.parse(try folder.read("out/manifest.json"))
        #expect(manifest["artifacts"]?["Orders"]?["dependencies"] == ["Shared"])
        #expect(manifest["artifacts"]?["Orders"]?["properties"]?["templateFile"] == "Orders.template.json")
        #expect(manifest["artifacts"]?["Shared"]?["environment"] == "aws://unknown-account/unknown-region")
    }

    @Test func synthPrintsFindingsByConstructPathThenLogicalIdAndFailsOnErrorsOnlyWhenStrict() throws {
        let folder = try TemporaryDirectory()
        let open = App {
            Stack("Open") {
                Resource(
                    "Policy", type: "AWS::IAM::Policy",
                    properties: [
                        "PolicyName": "p", "Roles": ["r"], "PolicyDocument": ["Statement": [["Action": "*", "Effect": "Allow", "Resource": "*"]]],
                    ])
            }
        }
        let result = run(["synth", "--output", folder.path("out")], app: open)
        #expect(result.status == .done)
        #expect(result.output.standardError.contains("error[iam-wildcard-action]: Open/Policy (Policy): "))
        let strict = run(["synth", "--strict", "--output", folder.path("out")], app: open)
        #expect(strict.status == .findings)
        #expect(FileManager.default.fileExists(atPath: folder.path("out/Open.template.json")))
    }

    @Test func synthCountsInfoFindingsAndListsThemOnlyWithShowInfo() throws {
        let folder = try TemporaryDirectory()
        let app = App {
            Stack("Quiet") {
                Resource(
                    "Handler", type: "AWS::Lambda::Function",
                    properties: [
                        "Code": ["ZipFile": "exports.handler = async () => {}"], "Handler": "index.handler",
                        "Role": "arn:aws:iam::123456789012:role/r", "Runtime": "nodejs22.x", "TracingConfig": ["Mode": "Active"],
                    ])
            }
        }
        let quiet = run(["synth", "--output", folder.path("out")], app: app)
        #expect(quiet.status == .done)
        #expect(!quiet.output.standardError.contains("info["))
        #expect(quiet.output.standardError.contains(" info findings not shown; --show-info lists them"))
        let shown = run(["synth", "--show-info", "--output", folder.path("out")], app: app)
        #expect(shown.output.standardError.contains("info[lambda-default-memory]: Quiet/Handler (Handler): "))
        #expect(!shown.output.standardError.contains("not shown"))
    }

    @Test func synthInYAMLWritesYAMLTemplates() throws {
        let folder = try TemporaryDirectory()
        #expect(run(["synth", "--format", "yaml", "-o", folder.path("out")]).status == .done)
        let yaml = try folder.read("out/Standalone.template.yaml")
        #expect(try Template.parse(yaml, format: .yaml).resources["Queue"]?.type == "AWS::SQS::Queue")
    }

    @Test func synthOfNamedStacksIncludesTheStacksTheyDependOn() throws {
        let folder = try TemporaryDirectory()
        #expect(run(["synth", "-o", folder.path("out"), "Orders"]).status == .done)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).sorted()
                == [".formwork-assembly", "Orders.template.json", "Shared.template.json", "cdk.out", "manifest.json"])
    }

    @Test func synthOfAnUnknownStackIsBadInput() throws {
        let folder = try TemporaryDirectory()
        let result = run(["synth", "-o", folder.path("out"), "Nope"])
        #expect(result.status == .badInput)
        #expect(result.output.standardError.contains("error[unknown-stack]: Nope"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
    }

    @Test func failedSynthExitsTwoNamesThePathAndLeavesThePreviousOutput() throws {
        let folder = try TemporaryDirectory()
        #expect(run(["synth", "-o", folder.path("out")]).status == .done)
        let before = try folder.read("out/manifest.json")
        let result = run(["synth", "-o", folder.path("out")], app: Self.brokenApp)
        #expect(result.status == .badInput)
        #expect(result.output.standardError.contains("error[duplicate-id]: Broken/Queue:"))
        #expect(try folder.read("out/manifest.json") == before)
        #expect(try folder.contents() == ["out"])
    }

    @Test func synthThatCannotWriteExitsThreeAndNamesTheFolder() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("not a folder", to: "file")
        let result = run(["synth", "-o", "\(file)/out"])
        #expect(result.status == .environment)
        #expect(result.output.standardError.contains("error: cannot write to '\(file)/out'"))
        #expect(try folder.contents() == ["file"])
    }

    @Test func resynthesisReplacesTheFolderWithoutLeftovers() throws {
        let folder = try TemporaryDirectory()
        #expect(run(["synth", "-o", folder.path("out")]).status == .done)
        #expect(run(["synth", "-o", folder.path("out"), "Standalone"]).status == .done)
        #expect(try folder.contents() == ["out"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).sorted()
                == [".formwork-assembly", "Standalone.template.json", "cdk.out", "manifest.json"])
    }

    @Test func listPrintsStacksDependenciesFirst() {
        let reordered = App {
            Stack("Orders") { Output("TopicArn", value: Self.topic.ref) }
            Stack("Shared") { Self.topic }
        }
        let result = run(["list"], app: reordered)
        #expect(result.status == .done)
        #expect(result.output.standardOutput == "Shared\nOrders\n")
    }

    @Test func unknownOptionIsAUsageErrorWithExitTwo() {
        let result = run(["synth", "--frobnicate"])
        #expect(result.status == .badInput)
        #expect(result.output.standardError.contains("--frobnicate"))
    }

    @Test func helpExitsZero() {
        let result = run(["--help"])
        #expect(result.status == .done)
        #expect(result.output.standardOutput.contains("synth"))
    }
}
