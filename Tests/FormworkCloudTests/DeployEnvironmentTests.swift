import Formwork
import FormworkCLI
import FormworkCloud
import FormworkTestSupport
import Testing

/// A stack's environment binds: its region wins over `--region` and `AWS_REGION`. moto's account is
/// 123456789012; another account is reached only through its CDK deploy role (`DeployRolesTests`).
@Suite(.serialized, .needsMoto) struct DeployEnvironmentTests {
    let moto: MotoServer

    init() throws {
        moto = try MotoServer.shared.get()
    }

    func deploy(_ app: App, extra: [String] = [], folder: borrowing TemporaryDirectory) -> CommandRunner.Result {
        CommandRunner.run(
            ["deploy", "--require-approval", "never", "--endpoint-url", moto.endpoint] + extra, root: AppCommand.self, app: app,
            environment: moto.environment(home: folder.url.path))
    }

    func stack(_ name: String, in region: String) throws -> CloudFormationClient.Stack? {
        let environment = moto.awsEnvironment()
        let client = try CloudFormationClient(environment: environment, region: region, credentials: CredentialChain.credentials(environment))
        return try SynchronousWait.run { () async throws(CloudError) -> CloudFormationClient.Stack? in try await client.stack(named: name) }
    }

    @Test func aStackBoundToTheCallersAccountDeploys() throws {
        let folder = try TemporaryDirectory()
        let app = App { Stack("EnvOwnAccount", account: "123456789012", region: "us-east-1") { Queue("Jobs") } }
        let result = deploy(app, folder: folder)
        #expect(result.status == .done, "\(result.output.standardError)")
        #expect(try stack("EnvOwnAccount", in: "us-east-1")?.status == "CREATE_COMPLETE")
    }

    @Test func aStacksOwnRegionWinsOverTheOptionAndTheEnvironment() throws {
        let folder = try TemporaryDirectory()
        let app = App {
            Stack("EnvPinnedRegion", region: "eu-west-1") { Queue("Jobs") }
            Stack("EnvAnyRegion") { Queue("Jobs") }
        }
        // AWS_REGION is us-east-1 in the test environment; --region names a third region.
        let result = deploy(app, extra: ["--region", "us-west-2"], folder: folder)
        #expect(result.status == .done, "\(result.output.standardError)")
        #expect(try stack("EnvPinnedRegion", in: "eu-west-1") != nil)
        #expect(try stack("EnvPinnedRegion", in: "us-west-2") == nil)
        #expect(try stack("EnvPinnedRegion", in: "us-east-1") == nil)
        // A stack that names no region goes where the option says.
        #expect(try stack("EnvAnyRegion", in: "us-west-2") != nil)
    }

    @Test func exclusivelyDeploysOnlyTheNamedStacksNotTheirDependencies() throws {
        let folder = try TemporaryDirectory()
        let dlq = Queue("Failed")
        let app = App {
            Stack("ExclusiveShared") { dlq }
            Stack("ExclusiveWork") { Queue("Jobs", deadLetter: .init(queue: dlq, maxReceiveCount: 3)) }
        }
        let withDependencies = deploy(app, extra: ["ExclusiveWork"], folder: folder)
        #expect(withDependencies.status == .done, "\(withDependencies.output.standardError)")
        #expect(withDependencies.output.standardOutput.contains("ExclusiveShared: deployed"), "a named stack brings its dependencies")
        let exclusive = deploy(app, extra: ["--exclusively", "ExclusiveWork"], folder: folder)
        #expect(exclusive.status == .done, "\(exclusive.output.standardError)")
        #expect(exclusive.output.standardOutput.contains("ExclusiveWork: no changes"))
        #expect(!exclusive.output.standardOutput.contains("ExclusiveShared"), "--exclusively leaves the dependency alone")
    }
}
