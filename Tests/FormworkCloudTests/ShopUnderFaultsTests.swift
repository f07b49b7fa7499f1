import Foundation
import Formwork
import FormworkCLI
import FormworkCloud
import FormworkTestSupport
@testable import Shop
import Testing

/// The Shop example deployed twice through the fault proxy, each time into a region of its own: once with
/// nothing injected, once with faults on a fixed seed in about 10% of all calls (throttling, 5xx, answers
/// lost after the call took effect) and CloudFormation's asynchronous execution with stale reads. Both runs
/// must end with the same exit status and the same stacks in the same states with the same outputs.
///
/// `ShopFront` is left out: moto creates its REST API's deployment before the methods it depends on and
/// refuses it ("The REST API doesn't contain any methods"), with or without faults.
@Suite(.serialized, .needsMoto) struct ShopUnderFaultsTests {
    let moto: MotoServer
    let proxy: FaultProxy

    init() throws {
        moto = try MotoServer.shared.get()
        proxy = try FaultProxy(frontOf: moto)
    }

    /// Each stack's status and output keys in `region`, as moto holds them.
    func endState(in region: String) throws -> [String: String] {
        let environment = moto.awsEnvironment()
        let client = try CloudFormationClient(environment: environment, region: region, credentials: CredentialChain.credentials(environment))
        var state: [String: String] = [:]
        for name in Self.stacks {
            let stack = try SynchronousWait.run { () async throws(CloudError) -> CloudFormationClient.Stack? in try await client.stack(named: name) }
            state[name] = stack.map { "\($0.status) \($0.outputs.keys.sorted().joined(separator: ","))" } ?? "absent"
        }
        return state
    }

    /// The stacks deployed: all of the Shop's that moto can hold.
    static let stacks = ["ShopShared", "ShopOrders", "ShopData"]

    func deploy(region: String, folder: borrowing TemporaryDirectory) -> CommandRunner.Result {
        CommandRunner.run(
            ["deploy", "--require-approval", "never", "--concurrency", "2", "--region", region, "--endpoint-url", proxy.endpoint] + Self.stacks,
            root: AppCommand.self, app: ShopApp.app, environment: moto.environment(home: folder.url.path))
    }

    /// Creates the bootstrap bucket of `region` (the Shop's functions have code assets).
    func bootstrap(region: String, folder: borrowing TemporaryDirectory) throws {
        let result = CommandRunner.run(
            ["bootstrap", "--region", region, "--endpoint-url", moto.endpoint], root: AppCommand.self, app: nil,
            environment: moto.environment(home: folder.url.path))
        #expect(result.status == .done, "\(result.output.standardError)")
    }

    @Test func theShopDeploysToTheSameEndStateWithTenPercentOfCallsFaulted() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(#"{"rules": []}"#)
        try bootstrap(region: "us-west-1", folder: folder)
        let clean = deploy(region: "us-west-1", folder: folder)
        #expect(clean.status == .done, "\(clean.output.standardError)")
        let cleanCalls = try proxy.log().count

        try bootstrap(region: "eu-west-3", folder: folder)
        try proxy.configure(
            """
            {"seed": 2026, "rules": [
              {"id": "throttle", "fault": "throttle", "probability": 0.04},
              {"id": "server-error", "fault": "internal_error", "probability": 0.03},
              {"id": "lost-answer", "fault": "drop_after", "probability": 0.03}],
             "stacks": {"Shop*": {"stale_reads": 1, "in_progress_polls": 2}}}
            """)
        let faulted = deploy(region: "eu-west-3", folder: folder)
        #expect(faulted.status == clean.status, "\(faulted.output.standardError)")
        let log = try proxy.log()
        let faults = log.filter { $0["fault"] is String }
        // The rules fire on about 10% of the calls they see; which calls depends on the two stacks' interleaving.
        #expect(faults.count >= 3, "\(faults.count) faults in \(log.count) calls")
        #expect(try endState(in: "eu-west-3") == endState(in: "us-west-1"))
        #expect(try endState(in: "us-west-1").values.allSatisfy { $0.hasPrefix("CREATE_COMPLETE") })
        print(
            "Shop under faults: \(cleanCalls) calls without faults; \(log.count) calls with \(faults.count) faulted (\(Dictionary(grouping: faults) { $0["rule"] as? String ?? "" }.mapValues(\.count).sorted { $0.key < $1.key }))"
        )
    }
}
