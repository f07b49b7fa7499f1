import ArgumentParser
import Formwork
import FormworkCLI
import FormworkTemplate
import FormworkCloud
import FormworkDeploy
import Foundation
import FormworkTestSupport
import Testing

/// `<app> bootstrap`, `deploy` and `destroy` against moto with signature checking on. moto's CloudFormation
/// does not implement every type (`AWS::SNS::Subscription` is refused), so the apps here use types it
/// implements, and a refused type serves the failure path. The suite runs its steps in order on one account.
@Suite(.serialized, .needsMoto) struct DeployCommandTests {
    let moto: MotoServer

    init() throws {
        moto = try MotoServer.shared.get()
    }

    func run(_ arguments: [String], app: App, folder: borrowing TemporaryDirectory) -> CommandRunner.Result {
        CommandRunner.run(arguments + ["--endpoint-url", moto.endpoint], root: AppCommand.self, app: app, environment: moto.environment(home: folder.url.path))
    }

    static func app(stack: String, code: String, extra: Bool = false, widening: Bool = false) -> App {
        App {
            Stack(stack) {
                let jobs = Queue("Jobs")
                let worker = Function("Worker", runtime: .nodejs22, handler: "index.handler", code: .asset(code))
                jobs
                worker
                if widening { jobs.grant(.send, to: worker) }
                if extra { Topic("Events") }
                Table("Records", partitionKey: .string("id"))
                Output("QueueUrl", value: jobs.url)
            }
        }
    }

    @Test func bootstrapDeployUpdateAndDestroyAnAppWithFunctionCode() throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path("code"), withIntermediateDirectories: true)
        try folder.write("exports.handler = async () => 'v1';\n", to: "code/index.js")
        let app = Self.app(stack: "DeployOrders", code: folder.path("code"))

        let bootstrap = run(["bootstrap"], app: app, folder: folder)
        #expect(bootstrap.status == .done, "\(bootstrap.output.standardError)")
        let again = run(["bootstrap"], app: app, folder: folder)
        #expect(again.output.standardOutput.contains("is bootstrapped"))

        // A new function's role is new access: `--require-approval never`, as in CI.
        let first = run(["deploy", "--require-approval", "never"], app: app, folder: folder)
        #expect(first.status == .done, "\(first.output.standardError)")
        #expect(first.output.standardOutput.contains("DeployOrders: deployed"))
        #expect(first.output.standardError.contains("assets 1 uploaded, 0 already in cdk-hnb659fds-assets-123456789012-us-east-1"))

        let second = run(["deploy", "--require-approval", "never"], app: app, folder: folder)
        #expect(second.status == .done, "\(second.output.standardError)")
        #expect(second.output.standardOutput.contains("DeployOrders: no changes"))
        #expect(second.output.standardError.contains("assets 0 uploaded, 1 already"))

        try folder.write("exports.handler = async () => 'v2';\n", to: "code/index.js")
        let updated = run(
            ["deploy", "--require-approval", "never", "--outputs-file", folder.path("outputs.json")],
            app: Self.app(stack: "DeployOrders", code: folder.path("code")), folder: folder)
        #expect(updated.status == .done, "\(updated.output.standardError)")
        #expect(updated.output.standardOutput.contains("DeployOrders: deployed"))
        #expect(updated.output.standardError.contains("assets 1 uploaded, 0 already"))
        // moto gives stacks made by change sets no outputs; `stackOutputsAreReadFromDescribeStacks` pins the reading.
        #expect(try JSONReader.parse(try folder.read("outputs.json"))["DeployOrders"]?.objectValue != nil)

        let refused = run(["destroy"], app: app, folder: folder)
        #expect(refused.status == .findings)
        #expect(refused.output.standardError == "error: not destroyed: DeployOrders; confirm on a terminal, or pass --force\n")
        let destroyed = run(["destroy", "--force"], app: app, folder: folder)
        #expect(destroyed.status == .done, "\(destroyed.output.standardError)")
        #expect(destroyed.output.standardOutput.contains("DeployOrders: destroyed"))
        #expect(destroyed.output.standardOutput.contains("kept by their deletion policy: Records091F6ECA (AWS::DynamoDB::Table)"))
    }

    @Test func widenedAccessIsRefusedWithoutATerminalAndNothingChanges() throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path("code"), withIntermediateDirectories: true)
        try folder.write("exports.handler = async () => 'ok';\n", to: "code/index.js")
        _ = run(["bootstrap"], app: Self.app(stack: "DeployGrants", code: folder.path("code")), folder: folder)
        let base = run(["deploy", "--require-approval", "never"], app: Self.app(stack: "DeployGrants", code: folder.path("code")), folder: folder)
        #expect(base.status == .done, "\(base.output.standardError)")

        let environment = moto.awsEnvironment(home: folder.url.path)
        let client = try CloudFormationClient(environment: environment, region: "us-east-1", credentials: CredentialChain.credentials(environment))
        // moto lists the change sets of every stack whatever StackName says, and other suites make `formwork-diff-`
        // change sets on the same server meanwhile: only deploys' change sets are compared.
        let changeSets = { () throws -> [String] in
            try SynchronousWait.run { () async throws(CloudError) -> [String] in try await client.changeSetNames(stack: "DeployGrants") }
                .filter { $0.hasPrefix("formwork-deploy-") }
        }
        let before = try changeSets()

        let widening = Self.app(stack: "DeployGrants", code: folder.path("code"), widening: true)
        let refused = run(["deploy"], app: widening, folder: folder)
        #expect(refused.status == .findings)
        #expect(refused.output.standardError.contains("DeployGrants was not deployed: access widens"))
        #expect(refused.output.standardError.contains("pass --require-approval never"))
        let diff = run(["diff", "--security-only", "--fail"], app: widening, folder: folder)
        #expect(diff.status == .findings, "the grant is still not deployed")
        #expect(try changeSets() == before, "the refused change set is deleted")

        let approved = run(["deploy", "--require-approval", "never"], app: widening, folder: folder)
        #expect(approved.status == .done, "\(approved.output.standardError)")
    }

    @Test func aDeployCloudFormationRefusesSaysWhyAndExitsOne() throws {
        let folder = try TemporaryDirectory()
        // Valid, but its code is in no bucket: moto refuses the function when the change set executes,
        // CloudFormation would fail the resource. Either way the deploy says why and exits 1.
        let app = App {
            Stack("DeployRefused") {
                Resource(
                    "Worker", type: "AWS::Lambda::Function",
                    properties: [
                        "Runtime": "nodejs22.x", "Handler": "index.handler", "Role": "arn:aws:iam::123456789012:role/worker",
                        "Code": ["S3Bucket": "formwork-tests-no-such-bucket", "S3Key": "code.zip"],
                    ])
            }
        }
        let result = run(["deploy", "--require-approval", "never"], app: app, folder: folder)
        #expect(result.status == .findings, "\(result.output.standardError)")
        #expect(result.output.standardError.contains("error: CloudFormation refused the change set of DeployRefused: "))
        #expect(result.output.standardError.contains("NoSuchBucket"))
    }

    @Test func stacksDeployInDependencyOrderWithTheirParametersAndTagsAndDestroyInReverse() throws {
        let folder = try TemporaryDirectory()
        let topic = Topic("Events")
        let stage = Parameter("Stage")
        let app = App {
            Stack("DeployProducer", tags: ["team": "orders"]) {
                topic
                stage
                Resource("Jobs", type: "AWS::SQS::Queue", properties: ["QueueName": .sub("deploy-jobs-${Stage}")])
            }
            Stack("DeployConsumer") {
                Queue("Inbox")
                Output("EventsTopic", value: topic.arn)
            }
            Stack("DeployEmpty") {
                Output("Nothing", value: "here")
            }
        }
        let result = run(
            ["deploy", "--require-approval", "never", "--concurrency", "2", "--parameters", "DeployProducer:Stage=prod"], app: app, folder: folder)
        #expect(result.status == .done, "\(result.output.standardError)")
        let summaries = result.output.standardOutput.split(separator: "\n").filter { !$0.hasPrefix("  ") }
        #expect(summaries == ["DeployProducer: deployed", "DeployConsumer: deployed", "DeployEmpty: skipped (no resources)"])
        #expect(result.output.standardOutput.contains("  DeployConsumer.EventsTopic = arn:aws:sns:us-east-1:123456789012:"), "outputs follow their stack")
        let producerDone = result.output.standardError.range(of: "CREATE_COMPLETE AWS::CloudFormation::Stack DeployProducer")
        let consumerStart = result.output.standardError.range(of: "DeployConsumer: deploying")
        #expect(
            producerDone != nil && consumerStart != nil && producerDone!.lowerBound < consumerStart!.lowerBound,
            "the consumer waits for its producer: \(result.output.standardError)")

        let environment = moto.awsEnvironment(home: folder.url.path)
        let sqs = AWSQueryClient(
            service: "sqs", version: "2012-11-05", endpoint: URL(string: moto.endpoint)!, region: "us-east-1",
            credentials: CredentialChain.credentials(environment), transport: environment.transport, retry: .standard)
        let queues = try SynchronousWait.run { () async throws(CloudError) -> XMLTree in try await sqs.call("ListQueues", [("QueueNamePrefix", "deploy-jobs-")])
        }
        #expect(queues.children.map(\.text).contains { $0.hasSuffix("/deploy-jobs-prod") }, "the parameter's value was used: \(queues)")

        let destroyed = run(["destroy", "DeployProducer", "--force"], app: app, folder: folder)
        #expect(destroyed.status == .done, "\(destroyed.output.standardError)")
        #expect(destroyed.output.standardOutput == "DeployConsumer: destroyed\nDeployProducer: destroyed\n")
    }

    @Test func aTemplateOverTheRequestLimitIsDeployedThroughTheAssetBucket() throws {
        let folder = try TemporaryDirectory()
        let large = App {
            Stack("DeployLarge") {
                for index in 0..<400 {
                    Resource("Queue\(index)", type: "AWS::SQS::Queue", properties: ["QueueName": .string("formwork-deploy-large-template-queue-\(index)")])
                }
            }
        }
        #expect(try large.synthesize().stacks[0].template.text(in: .json).utf8.count > CloudFormationClient.maximumTemplateBodyBytes)
        _ = run(["bootstrap"], app: large, folder: folder)
        let result = run(["deploy", "--require-approval", "never"], app: large, folder: folder)
        #expect(result.status == .done, "\(result.output.standardError)")
        #expect(result.output.standardError.contains("Stack DeployLarge: 400 to add"))
        let again = run(["deploy", "--require-approval", "never"], app: large, folder: folder)
        #expect(again.output.standardOutput == "DeployLarge: no changes\n", "\(again.output.standardError)")
    }

    @Test func anInterruptionBeforeExecutingLeavesNoChangeSetAndNoStack() throws {
        let environment = moto.awsEnvironment()
        let credentials = CredentialChain.credentials(environment)
        let interruption = Interruption()
        interruption.interrupt()
        let stack = try App { Stack("DeployInterrupted") { Queue("Jobs") } }.synthesize().stacks[0]
        let target = try SynchronousWait.run { () async throws(CloudError) -> DeployTarget in
            try await DeployTarget.resolve(environment: environment, region: "us-east-1", credentials: credentials)
        }
        let outcome = Result { () throws(DeployError) -> StackDeployer.Outcome in
            try SynchronousWait.run { () async throws(DeployError) -> StackDeployer.Outcome in
                let deployer = StackDeployer(target: target, approval: .never, approve: { _, _ in true }, report: { _ in }, interruption: interruption)
                return try await deployer.deploy(stack)
            }
        }
        #expect(throws: DeployError.refused(stack: "DeployInterrupted", reason: "interrupted before the change set was executed; nothing changed")) {
            try outcome.get()
        }
        let client = try CloudFormationClient(environment: environment, region: "us-east-1", credentials: credentials)
        let left = try SynchronousWait.run { () async throws(CloudError) in try await client.stack(named: "DeployInterrupted") }
        #expect(left == nil || left?.status == "DELETE_COMPLETE", "the stack the change set made is deleted")
    }
}
