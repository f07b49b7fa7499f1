import Foundation
import Formwork
import FormworkCLI
import FormworkCloud
import FormworkTestSupport
import Testing

/// Deploys and destroys through a proxy that behaves as real CloudFormation does: answers lost after the call
/// took effect, throttling bursts, stale reads, asynchronous execution. Each outcome is judged by the stack's
/// real end state at moto, not by the exit status alone.
@Suite(.serialized, .needsMoto) struct DeployUnderFaultsTests {
    let moto: MotoServer
    let proxy: FaultProxy

    init() throws {
        moto = try MotoServer.shared.get()
        proxy = try FaultProxy(frontOf: moto)
    }

    static func app(_ stack: String, terminationProtection: Bool = false, topic: Bool = false) -> App {
        App {
            Stack(stack, terminationProtection: terminationProtection) {
                Queue("Jobs")
                if topic { Topic("Events") }
            }
        }
    }

    func run(_ arguments: [String], app: App, folder: borrowing TemporaryDirectory) -> CommandRunner.Result {
        CommandRunner.run(
            arguments + ["--endpoint-url", proxy.endpoint], root: AppCommand.self, app: app, environment: moto.environment(home: folder.url.path))
    }

    /// The stack's status as the proxy answers it (its model of CloudFormation's states).
    func status(_ stack: String) throws -> String? {
        let environment = AWSEnvironment(variables: moto.environment(home: NSTemporaryDirectory()), endpointURL: proxy.endpoint)
        let client = try CloudFormationClient(environment: environment, region: "us-east-1", credentials: CredentialChain.credentials(environment))
        return try SynchronousWait.run { () async throws(CloudError) -> String? in try await client.stack(named: stack)?.status }
    }

    /// The stack's status as moto holds it, read past the proxy.
    func statusAtMoto(_ stack: String) throws -> String? {
        let environment = moto.awsEnvironment()
        let client = try CloudFormationClient(environment: environment, region: "us-east-1", credentials: CredentialChain.credentials(environment))
        return try SynchronousWait.run { () async throws(CloudError) -> String? in try await client.stack(named: stack)?.status }
    }

    /// CloudFormation runs the change set, and the answer is lost (a 500 in its place): the retry carries the
    /// same token, so it is taken for the call already made instead of refused as a second execution.
    @Test func aLostExecuteAnswerIsRetriedWithItsTokenAndTheDeployCarriesOn() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(
            #"{"rules": [{"action": "ExecuteChangeSet", "fault": "error_after", "count": 1}], "stacks": {"FaultLostExecute": {"stale_reads": 1, "in_progress_polls": 2}}}"#
        )
        let result = run(["deploy", "--require-approval", "never"], app: Self.app("FaultLostExecute"), folder: folder)
        #expect(result.status == .done, "\(result.output.standardError)")
        #expect(try statusAtMoto("FaultLostExecute") == "CREATE_COMPLETE")
        let executes = try proxy.log(stack: "FaultLostExecute").filter { $0["action"] as? String == "ExecuteChangeSet" }
        #expect(executes.count == 2)
        #expect(executes.allSatisfy { $0["has_client_request_token"] as? Bool == true })
        #expect(Set(executes.compactMap { $0["client_request_token"] as? String }).count == 1, "a retry carries the same token")
    }

    @Test func staleReadsOfANewStackDoNotEndASucceedingDeploy() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(#"{"stacks": {"FaultStaleCreate": {"stale_reads": 3, "in_progress_polls": 2}}}"#)
        let result = run(["deploy", "--require-approval", "never"], app: Self.app("FaultStaleCreate"), folder: folder)
        #expect(result.status == .done, "\(result.output.standardError)")
        #expect(result.output.standardOutput.contains("FaultStaleCreate: deployed"))
        #expect(try statusAtMoto("FaultStaleCreate") == "CREATE_COMPLETE")
    }

    @Test func aThrottlingBurstIsRiddenOut() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(
            #"""
            {"rules": [{"action": ["DescribeStacks", "DescribeStackEvents", "CreateChangeSet", "DescribeChangeSet"], "fault": "throttle", "count": 4}],
             "stacks": {"FaultThrottled": {"in_progress_polls": 2}}}
            """#)
        let result = run(["deploy", "--require-approval", "never"], app: Self.app("FaultThrottled"), folder: folder)
        #expect(result.status == .done, "\(result.output.standardError)")
        #expect(try statusAtMoto("FaultThrottled") == "CREATE_COMPLETE")
    }

    @Test func terminationProtectionIsTurnedOffEvenWhenTheTemplateHasNoChanges() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(#"{"stacks": {}}"#)
        let protected = run(["deploy", "--require-approval", "never"], app: Self.app("FaultProtected", terminationProtection: true), folder: folder)
        #expect(protected.status == .done, "\(protected.output.standardError)")
        let unprotected = run(["deploy", "--require-approval", "never"], app: Self.app("FaultProtected"), folder: folder)
        #expect(unprotected.status == .done, "\(unprotected.output.standardError)")
        #expect(unprotected.output.standardOutput.contains("FaultProtected: no changes"))
        let destroyed = run(["destroy", "--force"], app: Self.app("FaultProtected"), folder: folder)
        #expect(destroyed.status == .done, "\(destroyed.output.standardError)")
        #expect(try statusAtMoto("FaultProtected") == nil)
    }

    @Test func staleReadsOfAnUpdateAreWaitedOutUntilTheUpdateEnds() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(#"{"stacks": {}}"#)
        #expect(run(["deploy", "--require-approval", "never"], app: Self.app("FaultStaleUpdate", topic: false), folder: folder).status == .done)
        try proxy.configure(#"{"stacks": {"FaultStaleUpdate": {"stale_reads": 3, "in_progress_polls": 2}}}"#)
        let updated = run(["deploy", "--require-approval", "never"], app: Self.app("FaultStaleUpdate", topic: true), folder: folder)
        #expect(updated.status == .done, "\(updated.output.standardError)")
        // The follower polled through the stale reads and the progress, not stopping at the first old status.
        let log = try proxy.log(stack: "FaultStaleUpdate")
        let execute = try #require(log.lastIndex { $0["action"] as? String == "ExecuteChangeSet" })
        let polls = log[(execute + 1)...].filter { $0["action"] as? String == "DescribeStacks" }
        #expect(polls.count >= 6, "\(polls.count) polls")
        #expect(try status("FaultStaleUpdate") == "UPDATE_COMPLETE")
    }

    @Test func aStackStuckInUpdateRollbackFailedIsRolledBackThenDeployed() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(#"{"stacks": {}}"#)
        #expect(run(["deploy", "--require-approval", "never"], app: Self.app("FaultRollbackFailed", topic: false), folder: folder).status == .done)
        // The new topic fails to create, and the rollback fails on the queue.
        let resources = try Self.app("FaultRollbackFailed", topic: true).synthesize().stacks[0].template.resources
        let topic = try #require(resources.first { $0.value.type == "AWS::SNS::Topic" }?.key)
        let queue = try #require(resources.first { $0.value.type == "AWS::SQS::Queue" }?.key)
        try proxy.configure(
            #"{"stacks": {"FaultRollbackFailed": {"fail": {"logical_id": "\#(topic)", "operations": ["update"], "rollback_fails": true, "rollback_fail_logical_id": "\#(queue)", "times": 1}}}}"#
        )
        let failed = run(["deploy", "--require-approval", "never"], app: Self.app("FaultRollbackFailed", topic: true), folder: folder)
        #expect(failed.status == .findings)
        #expect(try status("FaultRollbackFailed") == "UPDATE_ROLLBACK_FAILED")
        let recovered = run(["deploy", "--require-approval", "never"], app: Self.app("FaultRollbackFailed", topic: true), folder: folder)
        #expect(recovered.status == .done, "\(recovered.output.standardError)")
        #expect(recovered.output.standardError.contains("FaultRollbackFailed is UPDATE_ROLLBACK_FAILED: continuing its rollback"))
        // moto applied the failed update anyway (the proxy only models the failure), so the deploy after the
        // rollback may find nothing to change: either way the stack is out of UPDATE_ROLLBACK_FAILED.
        #expect(["UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE"].contains(try status("FaultRollbackFailed") ?? ""))
        // Called with the stack's id, which the log files under the id.
        let continued = try proxy.log().filter { $0["action"] as? String == "ContinueUpdateRollback" }
        #expect(continued.count == 1)
        #expect(continued.allSatisfy { $0["has_client_request_token"] as? Bool == true })
    }

    /// The logical ids of the app's queue and topic.
    static func queueAndTopic(_ stack: String) throws -> (queue: String, topic: String) {
        let resources = try app(stack, topic: true).synthesize().stacks[0].template.resources
        return (
            try #require(resources.first { $0.value.type == "AWS::SQS::Queue" }?.key), try #require(resources.first { $0.value.type == "AWS::SNS::Topic" }?.key)
        )
    }

    @Test func aFailedDeployWithoutRollbackStaysPausedAndRollbackReturnsItToItsLastState() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(#"{"stacks": {}}"#)
        #expect(run(["deploy", "--require-approval", "never"], app: Self.app("FaultNoRollback"), folder: folder).status == .done)
        let topic = try Self.queueAndTopic("FaultNoRollback").topic
        try proxy.configure(
            #"{"stacks": {"FaultNoRollback": {"in_progress_polls": 1, "fail": {"logical_id": "\#(topic)", "operations": ["update"], "times": 1}}}}"#)
        let failed = run(["deploy", "--require-approval", "never", "--no-rollback"], app: Self.app("FaultNoRollback", topic: true), folder: folder)
        #expect(failed.status == .findings)
        #expect(
            failed.output.standardError.contains(
                "rollback is off: the stack keeps what was deployed so far; fix the cause and deploy again, or run `rollback FaultNoRollback`"))
        #expect(try status("FaultNoRollback") == "UPDATE_FAILED")
        let execute = try proxy.log().last { $0["action"] as? String == "ExecuteChangeSet" }
        #expect(execute?["status"] as? Int == 200)

        let rolledBack = run(["rollback"], app: Self.app("FaultNoRollback", topic: true), folder: folder)
        #expect(rolledBack.status == .done, "\(rolledBack.output.standardError)")
        #expect(rolledBack.output.standardOutput.contains("FaultNoRollback: UPDATE_ROLLBACK_COMPLETE"))
        #expect(try status("FaultNoRollback") == "UPDATE_ROLLBACK_COMPLETE")
        let rollbacks = try proxy.log().filter { $0["action"] as? String == "RollbackStack" }
        #expect(rollbacks.count == 1)
        #expect(rollbacks.allSatisfy { $0["has_client_request_token"] as? Bool == true })
        // A stack with nothing to roll back is left as it is.
        let again = run(["rollback"], app: Self.app("FaultNoRollback", topic: true), folder: folder)
        #expect(again.status == .done)
        #expect(again.output.standardError.contains("FaultNoRollback is UPDATE_ROLLBACK_COMPLETE: nothing to roll back"))
    }

    @Test func aDeployOfAStackPausedInUpdateFailedRollsItBackFirst() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(#"{"stacks": {}}"#)
        #expect(run(["deploy", "--require-approval", "never"], app: Self.app("FaultPausedRedeploy"), folder: folder).status == .done)
        let topic = try Self.queueAndTopic("FaultPausedRedeploy").topic
        try proxy.configure(#"{"stacks": {"FaultPausedRedeploy": {"fail": {"logical_id": "\#(topic)", "operations": ["update"], "times": 1}}}}"#)
        #expect(
            run(["deploy", "--require-approval", "never", "--no-rollback"], app: Self.app("FaultPausedRedeploy", topic: true), folder: folder).status
                == .findings)
        #expect(try status("FaultPausedRedeploy") == "UPDATE_FAILED")
        let redeployed = run(["deploy", "--require-approval", "never"], app: Self.app("FaultPausedRedeploy", topic: true), folder: folder)
        #expect(redeployed.status == .done, "\(redeployed.output.standardError)")
        #expect(
            redeployed.output.standardError.contains("FaultPausedRedeploy is UPDATE_FAILED, paused where a deployment without rollback failed: rolling it back")
        )
        // RollbackStack is called with the stack's id, which the log files under the id.
        let log = try proxy.log()
        let rollback = try #require(log.last { $0["action"] as? String == "RollbackStack" }?["seq"] as? Int)
        let changeSet = try #require(
            log.last { $0["action"] as? String == "CreateChangeSet" && $0["stack"] as? String == "FaultPausedRedeploy" }?["seq"] as? Int)
        #expect(rollback < changeSet, "the deploy comes after the rollback")
        #expect(["UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE"].contains(try status("FaultPausedRedeploy") ?? ""))
    }

    @Test func notificationTopicsGoToTheChangeSet() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(#"{"stacks": {}}"#)
        let topics = ["arn:aws:sns:us-east-1:123456789012:deploys", "arn:aws:sns:us-east-1:123456789012:audit"]
        // CloudFormation (and moto) sends to the topics, so they must exist.
        let environment = moto.awsEnvironment()
        let sns = AWSQueryClient(
            service: "sns", version: "2010-03-31", endpoint: URL(string: moto.endpoint)!, region: "us-east-1",
            credentials: CredentialChain.credentials(environment), transport: environment.transport, retry: .standard)
        try SynchronousWait.run { () async throws(CloudError) in
            for name in ["deploys", "audit"] { _ = try await sns.call("CreateTopic", [("Name", name)]) }
        }
        let result = run(
            ["deploy", "--require-approval", "never"] + topics.flatMap { ["--notification-arns", $0] }, app: Self.app("FaultNotified"), folder: folder)
        #expect(result.status == .done, "\(result.output.standardError)")
        let changeSet = try proxy.log(stack: "FaultNotified").first { $0["action"] as? String == "CreateChangeSet" }
        #expect(changeSet?["notification_arns"] as? [String] == topics)
        let refused = run(["deploy", "--notification-arns", "deploys"], app: Self.app("FaultNotified"), folder: folder)
        #expect(refused.status == .badInput)
        #expect(refused.output.standardError.contains("'deploys' is not an SNS topic ARN"))
    }
}
