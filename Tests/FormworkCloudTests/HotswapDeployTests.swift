import Formwork
import FormworkCLI
import FormworkCloud
import FormworkTemplate
import FormworkTestSupport
import Foundation
import Testing

/// `deploy --hotswap` against moto with signature checking on: code and definitions changed through Lambda
/// and Step Functions without a change set, set back by the next deployment through CloudFormation, and a
/// change only CloudFormation makes refused or, with `--hotswap-fallback`, deployed through it.
@Suite(.serialized, .needsMoto) struct HotswapDeployTests {
    let moto: MotoServer
    static let region = "eu-west-3"

    init() throws {
        moto = try MotoServer.shared.get()
    }

    func run(_ arguments: [String], app: App, folder: borrowing TemporaryDirectory) -> CommandRunner.Result {
        CommandRunner.run(
            arguments + ["--endpoint-url", moto.endpoint, "--region", Self.region], root: AppCommand.self, app: app,
            environment: moto.environment(home: folder.url.path))
    }

    static func app(code: String, greeting: String, state: String, extra: Bool = false) -> App {
        App {
            Stack("Hotswapped") {
                let worker = Function(
                    "Worker", runtime: .nodejs22, handler: "index.handler", code: .asset(code),
                    environment: ["GREETING": .string(greeting)])
                worker
                worker.currentVersion
                StateMachine("Flow", definition: Chain { State.pass(state) })
                if extra { Queue("Extra") }
            }
        }
    }

    /// The deployed function's code SHA, and the stack's change sets, as Lambda and CloudFormation say.
    func deployed(_ folder: borrowing TemporaryDirectory, stack: String = "Hotswapped") throws -> (codeSha: String?, changeSets: Int, resources: [String]) {
        let environment = moto.awsEnvironment(home: folder.url.path)
        let credentials = CredentialChain.credentials(environment)
        let cloudFormation = try CloudFormationClient(environment: environment, region: Self.region, credentials: credentials)
        let lambda = try LambdaClient(environment: environment, region: Self.region, credentials: credentials)
        return try SynchronousWait.run { () async throws(CloudError) -> (String?, Int, [String]) in
            let resources = try await cloudFormation.resources(ofStack: stack)
            let function = resources.first { $0.type == "AWS::Lambda::Function" }?.physicalId ?? ""
            return (
                try await lambda.configuration(of: function).CodeSha256, try await cloudFormation.changeSetNames(stack: stack).count,
                resources.map(\.type).sorted()
            )
        }
    }

    /// Lambda throttles and loses an answer after the code was replaced, Step Functions throttles: each call is
    /// retried, and the hotswap ends with the new code in place, as moto holds it behind the proxy.
    @Test func aHotswapRidesOutThrottlingAndALostAnswer() throws {
        let folder = try TemporaryDirectory()
        let proxy = try FaultProxy(frontOf: moto)
        try FileManager.default.createDirectory(atPath: folder.path("code"), withIntermediateDirectories: true)
        try folder.write("exports.handler = async () => 'v1';\n", to: "code/index.js")
        let code = folder.path("code")
        let app = { (greeting: String, state: String) in
            App {
                Stack("HotswapUnderFaults") {
                    Function("Worker", runtime: .nodejs22, handler: "index.handler", code: .asset(code), environment: ["GREETING": .string(greeting)])
                    StateMachine("Flow", definition: Chain { State.pass(state) })
                }
            }
        }
        func viaProxy(_ arguments: [String], _ app: App) -> CommandRunner.Result {
            CommandRunner.run(
                arguments + ["--endpoint-url", proxy.endpoint, "--region", Self.region], root: AppCommand.self, app: app,
                environment: moto.environment(home: folder.url.path))
        }
        let bootstrapped = viaProxy(["bootstrap"], app("hello", "Start"))
        #expect(bootstrapped.status == .done, "\(bootstrapped.output.standardError)")
        let deployedFirst = viaProxy(["deploy", "--require-approval", "never"], app("hello", "Start"))
        #expect(deployedFirst.status == .done, "\(deployedFirst.output.standardError)")
        let before = try deployed(folder, stack: "HotswapUnderFaults")
        try proxy.configure(
            #"""
            {"rules": [{"service": "lambda", "method": "PUT", "path": "/code$", "fault": "error_after", "count": 1},
                       {"service": "lambda", "fault": "throttle", "count": 2},
                       {"action": "UpdateStateMachine", "fault": "throttle", "count": 1}]}
            """#)
        try folder.write("exports.handler = async () => 'v2';\n", to: "code/index.js")
        let swapped = viaProxy(["deploy", "--hotswap"], app("bonjour", "Begin"))
        #expect(swapped.status == .done, "\(swapped.output.standardError)")
        #expect(swapped.output.standardOutput.contains("HotswapUnderFaults: hotswapped (code of Worker"))
        let after = try deployed(folder, stack: "HotswapUnderFaults")
        #expect(after.codeSha != nil && after.codeSha != before.codeSha)
        let log = try proxy.log()
        #expect(log.filter { $0["service"] as? String == "lambda" && $0["fault"] as? String != nil }.count == 3)
        #expect(log.contains { $0["action"] as? String == "UpdateStateMachine" && $0["fault"] as? String == "throttle" })
    }

    @Test func codeEnvironmentAndDefinitionAreHotswappedAndOtherChangesRefusedOrDeployed() throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path("code"), withIntermediateDirectories: true)
        try folder.write("exports.handler = async () => 'v1';\n", to: "code/index.js")
        let code = folder.path("code")
        #expect(run(["bootstrap"], app: Self.app(code: code, greeting: "hello", state: "Start"), folder: folder).status == .done)
        let first = run(["deploy", "--require-approval", "never"], app: Self.app(code: code, greeting: "hello", state: "Start"), folder: folder)
        #expect(first.status == .done, "\(first.output.standardError)")
        let before = try deployed(folder)

        // A first deployment cannot be hotswapped; nothing changes when nothing changed.
        let unchanged = run(["deploy", "--hotswap"], app: Self.app(code: code, greeting: "hello", state: "Start"), folder: folder)
        #expect(unchanged.output.standardOutput.contains("Hotswapped: no changes"), "\(unchanged.output.standardError)")

        try folder.write("exports.handler = async () => 'v2';\n", to: "code/index.js")
        let swapped = run(["deploy", "--hotswap"], app: Self.app(code: code, greeting: "bonjour", state: "Begin"), folder: folder)
        #expect(swapped.status == .done, "\(swapped.output.standardError)")
        #expect(swapped.output.standardOutput.contains("Hotswapped: hotswapped (code of Worker"), "\(swapped.output.standardOutput)")
        #expect(swapped.output.standardError.contains("hotswapped the environment of Worker"))
        #expect(swapped.output.standardError.contains("hotswapped the definition of Flow"))
        #expect(swapped.output.standardError.contains("hotswapped the version WorkerCurrentVersion"))
        #expect(swapped.output.standardError.contains("the next `deploy` without --hotswap brings it in line"))
        let after = try deployed(folder)
        #expect(after.codeSha != nil && after.codeSha != before.codeSha)
        #expect(after.changeSets == before.changeSets)

        // Back to what CloudFormation has: its change set is empty, and the hotswapped resources are set back.
        try folder.write("exports.handler = async () => 'v1';\n", to: "code/index.js")
        let reverted = run(["deploy"], app: Self.app(code: code, greeting: "hello", state: "Start"), folder: folder)
        #expect(reverted.status == .done, "\(reverted.output.standardError)")
        #expect(reverted.output.standardOutput.contains("Hotswapped: no changes"))
        #expect(
            reverted.output.standardError.contains("Hotswapped: brought 3 hotswapped resources in line with the template"), "\(reverted.output.standardError)")
        #expect(try deployed(folder).codeSha == before.codeSha)
        let again = run(["deploy"], app: Self.app(code: code, greeting: "hello", state: "Start"), folder: folder)
        #expect(!again.output.standardError.contains("in line"))
        try folder.write("exports.handler = async () => 'v2';\n", to: "code/index.js")

        let refused = run(["deploy", "--hotswap"], app: Self.app(code: code, greeting: "bonjour", state: "Begin", extra: true), folder: folder)
        #expect(refused.status == .findings)
        #expect(refused.output.standardError.contains("it cannot be hotswapped, and nothing was changed: Extra"), "\(refused.output.standardError)")
        #expect(refused.output.standardError.contains("(AWS::SQS::Queue) is added"))
        #expect(try deployed(folder).resources == before.resources)

        let fallback = run(
            ["deploy", "--hotswap-fallback", "--require-approval", "never"],
            app: Self.app(code: code, greeting: "bonjour", state: "Begin", extra: true), folder: folder)
        #expect(fallback.status == .done, "\(fallback.output.standardError)")
        #expect(fallback.output.standardError.contains("not hotswappable"))
        #expect(fallback.output.standardOutput.contains("Hotswapped: deployed"))
        #expect(try deployed(folder).resources.contains("AWS::SQS::Queue"))
    }
}
