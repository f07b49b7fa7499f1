import Formwork
import FormworkCLI
import FormworkCloud
import FormworkTestSupport
import Testing

/// A parameter keeps the value it was deployed with until a deploy gives another, as CloudFormation and CDK
/// keep it: the template's default does not win over it.
@Suite(.serialized, .needsMoto) struct DeployParameterTests {
    let moto: MotoServer
    /// moto keeps a parameter left out as lenient as it is; the proxy's log shows what was asked for.
    let proxy: FaultProxy

    init() throws {
        moto = try MotoServer.shared.get()
        proxy = try FaultProxy(frontOf: moto)
    }

    static let app = App {
        Stack("ParamsKept") {
            Parameter("Size", default: "small")
            Queue("Jobs")
        }
    }

    func deploy(_ extra: [String], folder: borrowing TemporaryDirectory) -> CommandRunner.Result {
        CommandRunner.run(
            ["deploy", "--require-approval", "never", "--endpoint-url", proxy.endpoint] + extra, root: AppCommand.self, app: Self.app,
            environment: moto.environment(home: folder.url.path))
    }

    func deployedSize() throws -> String? {
        let environment = moto.awsEnvironment()
        let query = AWSQueryClient(
            service: "cloudformation", version: "2010-05-15", endpoint: try environment.endpoint(for: "cloudformation", region: "us-east-1"),
            region: "us-east-1", credentials: CredentialChain.credentials(environment), transport: environment.transport, retry: .standard)
        let result = try SynchronousWait.run { () async throws(CloudError) -> XMLTree in try await query.call("DescribeStacks", [("StackName", "ParamsKept")]) }
        return result.members("Stacks").first?.members("Parameters").first { $0.string("ParameterKey") == "Size" }?.string("ParameterValue")
    }

    @Test func aDeployWithoutTheParameterKeepsItsPreviousValue() throws {
        let folder = try TemporaryDirectory()
        let first = deploy(["--parameters", "Size=large"], folder: folder)
        #expect(first.status == .done, "\(first.output.standardError)")
        #expect(try deployedSize() == "large")
        let second = deploy([], folder: folder)
        #expect(second.status == .done, "\(second.output.standardError) \(second.output.standardOutput)")
        #expect(try deployedSize() == "large")
        let asked = try proxy.log(stack: "ParamsKept").filter { $0["action"] as? String == "CreateChangeSet" }.map { $0["parameters"] as? [String: String] }
        #expect(asked == [["Size": "large"], ["Size": "(previous)"]])
    }
}
