import ArgumentParser
import Foundation
import FormworkCLI
import FormworkCloud
import FormworkCore
import FormworkTemplate
import FormworkTestSupport
import Testing

/// `formwork fetch` and the live `<app> diff` against a local moto server with signature checking on.
/// Serialized: moto lists every stack's change sets together, and one test checks that none of the diff's is left.
@Suite(.serialized, .needsMoto) struct LiveCommandTests {
    let moto: MotoServer

    init() throws {
        moto = try MotoServer.shared.get()
    }

    func cloudFormation() throws -> CloudFormationClient {
        let environment = moto.awsEnvironment()
        return try CloudFormationClient(environment: environment, region: "us-east-1", credentials: CredentialChain.credentials(environment))
    }

    func deploy(_ name: String, _ body: String) throws {
        let client = try cloudFormation()
        _ = try SynchronousWait.run { () async throws(CloudError) -> String in try await client.createStack(name: name, template: .body(body)) }
    }

    func run(_ arguments: [String], root: any ParsableCommand.Type = FormworkTool.self, app: App? = nil, environment: [String: String]) -> CommandRunner.Result
    {
        CommandRunner.run(arguments + ["--endpoint-url", moto.endpoint], root: root, app: app, environment: environment)
    }

    @Test func fetchWritesTheDeployedJSONAndYAMLBodiesByteForByte() throws {
        let json = "{\n  \"Resources\" : { \"Jobs\":{\"Type\":\"AWS::SQS::Queue\"} },\n\n  \"Description\": \"kept as written \\u00e9\"\n}"
        let yaml = "# a comment CloudFormation keeps\nResources:\n  Topic:   # aligned\n    Type: AWS::SNS::Topic\n"
        try deploy("FetchJson", json)
        try deploy("FetchYaml", yaml)
        let folder = try TemporaryDirectory()
        let result = run(["fetch", "FetchJson", "FetchYaml", "--output", folder.path("deployed")], environment: moto.environment(home: folder.url.path))
        #expect(result.status == .done, "\(result.output.standardError)")
        #expect(try folder.read("deployed/FetchJson.template.json") == json)
        #expect(try folder.read("deployed/FetchYaml.template.yaml") == yaml)
    }

    @Test func aWrongSecretExitsThreeWithTheSignatureMessageAndNeverPrintsTheSecret() throws {
        let folder = try TemporaryDirectory()
        var environment = moto.environment(home: folder.url.path)
        environment["AWS_SECRET_ACCESS_KEY"] = "wrong-secret-1234567890"
        let result = run(["fetch", "Anything", "--output", folder.path("out")], environment: environment)
        #expect(result.status == .environment)
        #expect(result.output.standardError.contains("SignatureDoesNotMatch"))
        #expect(result.output.standardError.contains("check AWS_SECRET_ACCESS_KEY"))
        let printed = result.output.standardOutput + result.output.standardError
        #expect(!printed.contains("wrong-secret") && !printed.contains(moto.secretAccessKey))
    }

    @Test func aMissingStackExitsThreeNamingItAndTheRegion() throws {
        let folder = try TemporaryDirectory()
        let result = run(["fetch", "NoSuchStack", "--output", folder.path("out")], environment: moto.environment(home: folder.url.path))
        #expect(result.status == .environment)
        #expect(result.output.standardError == "error: no stack named 'NoSuchStack' is deployed in us-east-1; check the name, --region and the account\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
    }

    static func ordersApp(visibilityTimeout: Int?) -> App {
        App {
            Stack("LiveOrders") {
                Resource("Jobs", type: "AWS::SQS::Queue", properties: visibilityTimeout.map { ["VisibilityTimeout": .number(Double($0))] } ?? [:])
                Resource("Events", type: "AWS::SNS::Topic")
            }
        }
    }

    @Test func appDiffShowsNoChangeRightAfterDeployAndTheEditAfterIt() throws {
        let app = Self.ordersApp(visibilityTimeout: nil)
        let template = try #require(try app.synthesize().stacks.first?.template.text(in: .json))
        try deploy("LiveOrders", template)
        let folder = try TemporaryDirectory()
        let environment = moto.environment(home: folder.url.path)
        let unchanged = run(["diff", "--format", "json", "--fail"], root: AppCommand.self, app: app, environment: environment)
        #expect(unchanged.status == .done, "\(unchanged.output.standardError)")
        let stack = try #require(try JSONReader.parse(unchanged.output.standardOutput)["stacks"]?.arrayValue?.first)
        #expect(stack["status"] == "unchanged" && stack["deployedStatus"] == "CREATE_COMPLETE")

        let edited = run(["diff"], root: AppCommand.self, app: Self.ordersApp(visibilityTimeout: 120), environment: environment)
        #expect(edited.status == .done, "\(edited.output.standardError)")
        #expect(edited.output.standardOutput.contains("[~] AWS::SQS::Queue Jobs"))
        #expect(edited.output.standardOutput.contains("VisibilityTimeout"))
    }

    @Test func aStackNotDeployedIsAllNewAndSaysSo() throws {
        let app = App { Stack("LiveNeverDeployed") { Resource("Jobs", type: "AWS::SQS::Queue") } }
        let folder = try TemporaryDirectory()
        let result = run(["diff", "--format", "json"], root: AppCommand.self, app: app, environment: moto.environment(home: folder.url.path))
        #expect(result.status == .done, "\(result.output.standardError)")
        let stack = try #require(try JSONReader.parse(result.output.standardOutput)["stacks"]?.arrayValue?.first)
        #expect(stack["status"] == "added")
        #expect(stack["notes"] == ["LiveNeverDeployed is not deployed in us-east-1: every resource is new"])
    }

    @Test func theChangeSetPathCreatesReadsAndDeletesItsChangeSet() throws {
        let deployed = App { Stack("LiveReview") { Resource("Jobs", type: "AWS::SQS::Queue") } }
        try deploy("LiveReview", try #require(try deployed.synthesize().stacks.first?.template.text(in: .json)))
        let edited = App {
            Stack("LiveReview") {
                Resource("Jobs", type: "AWS::SQS::Queue")
                Resource("Events", type: "AWS::SNS::Topic")
            }
        }
        let folder = try TemporaryDirectory()
        let result = run(
            ["diff", "--change-set", "--format", "json"], root: AppCommand.self, app: edited, environment: moto.environment(home: folder.url.path))
        #expect(result.status == .done, "\(result.output.standardError)")
        let stack = try #require(try JSONReader.parse(result.output.standardOutput)["stacks"]?.arrayValue?.first)
        // moto lists every existing resource as modified; real CloudFormation lists only what changes. What both
        // share: the added topic, on which the diff and the change set agree.
        let changeSet = try #require(stack["changeSet"])
        #expect((changeSet["changes"]?.numberValue ?? 0) >= 1)
        let disagreeing = changeSet["disagreements"]?.arrayValue?.compactMap { $0["logicalId"]?.stringValue } ?? []
        #expect(!disagreeing.contains("Events"))
        let client = try cloudFormation()
        let left = try SynchronousWait.run { () async throws(CloudError) -> [String] in try await client.changeSetNames(stack: "LiveReview") }
        // moto lists every stack's change sets here (deploys of other tests too): none of the diff's is left.
        #expect(!left.contains { $0.hasPrefix("formwork-diff-") }, "\(left)")
    }

    @Test func aTemplateOverTheRequestLimitGoesThroughTheTemplateBucket() throws {
        try deploy("LiveBuckets", #"{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "formwork-live-templates"}}}}"#)
        try deploy("LiveLarge", #"{"Resources": {"Queue0": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "formwork-large-template-queue-0"}}}}"#)
        let large = App {
            Stack("LiveLarge") {
                for index in 0..<500 {
                    Resource("Queue\(index)", type: "AWS::SQS::Queue", properties: ["QueueName": .string("formwork-large-template-queue-\(index)")])
                }
            }
        }
        let body = try #require(try large.synthesize().stacks.first?.template.text(in: .json))
        #expect(body.utf8.count > CloudFormationClient.maximumTemplateBodyBytes)
        let folder = try TemporaryDirectory()
        let result = run(
            ["diff", "--change-set", "--template-bucket", "formwork-live-templates", "--format", "json"], root: AppCommand.self, app: large,
            environment: moto.environment(home: folder.url.path))
        #expect(result.status == .done, "\(result.output.standardError)")
        let stack = try #require(try JSONReader.parse(result.output.standardOutput)["stacks"]?.arrayValue?.first)
        // Queue0 is deployed as it is: the other 499 are added, on which the diff and CloudFormation agree.
        #expect(stack["changeSet"] == ["changes": 499, "agrees": true, "disagreements": []])
    }
}
