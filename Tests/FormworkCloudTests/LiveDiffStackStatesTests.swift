import Foundation
import Formwork
import FormworkCLI
import FormworkCloud
import FormworkTestSupport
import Testing

/// A live diff reports every stack's state for that stack: one that cannot be read, one in a state
/// CloudFormation does not update, one bound to an account the credentials cannot reach. The other stacks
/// are still compared. Through the fault proxy, which refuses or models what moto cannot.
@Suite(.serialized, .needsMoto) struct LiveDiffStackStatesTests {
    let moto: MotoServer
    let proxy: FaultProxy

    init() throws {
        moto = try MotoServer.shared.get()
        proxy = try FaultProxy(frontOf: moto)
    }

    func run(_ arguments: [String], app: App, folder: borrowing TemporaryDirectory) -> CommandRunner.Result {
        CommandRunner.run(
            arguments + ["--endpoint-url", proxy.endpoint], root: AppCommand.self, app: app, environment: moto.environment(home: folder.url.path))
    }

    static func app(_ names: [String], topic: Bool = false, account: String? = nil) -> App {
        App {
            for name in names {
                Stack(name, account: account) {
                    Queue("Jobs")
                    if topic { Topic("Events") }
                }
            }
        }
    }

    @Test func aStackThatCannotBeReadIsReportedAndTheOthersAreStillCompared() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(#"{"rules": []}"#)
        let deployed = run(["deploy", "--require-approval", "never"], app: Self.app(["LiveReadable", "LiveRefused"]), folder: folder)
        #expect(deployed.status == .done, "\(deployed.output.standardError)")
        try proxy.configure(
            #"{"rules": [{"action": "DescribeStacks", "stack": "LiveRefused", "fault": "error", "status": 403, "code": "AccessDenied", "message": "not authorized to perform cloudformation:DescribeStacks"}]}"#
        )
        let diff = run(["diff"], app: Self.app(["LiveReadable", "LiveRefused"], topic: true), folder: folder)
        #expect(diff.status == .environment)
        #expect(diff.output.standardOutput.contains("LiveReadable"), "the readable stack is compared: \(diff.output.standardOutput)")
        #expect(diff.output.standardOutput.contains("AWS::SNS::Topic"))
        #expect(!diff.output.standardOutput.contains("LiveRefused"), "an unread stack is not shown as all new")
        #expect(diff.output.standardError.contains("LiveRefused: note: LiveRefused could not be read, so it is not compared: "))
        #expect(diff.output.standardError.contains("not authorized to perform cloudformation:DescribeStacks"))
        #expect(diff.output.standardError.contains("error: 1 of 2 stacks could not be read from the account and are not compared: LiveRefused"))
    }

    @Test func aStackCloudFormationDoesNotUpdateGetsNoChangeSetAndTheDiffGoesOn() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(#"{"rules": []}"#)
        #expect(run(["deploy", "--require-approval", "never"], app: Self.app(["LiveStuck", "LiveSettled"]), folder: folder).status == .done)
        let resources = try Self.app(["LiveStuck"], topic: true).synthesize().stacks[0].template.resources
        let topic = try #require(resources.first { $0.value.type == "AWS::SNS::Topic" }?.key)
        let queue = try #require(resources.first { $0.value.type == "AWS::SQS::Queue" }?.key)
        try proxy.configure(
            #"{"stacks": {"LiveStuck": {"fail": {"logical_id": "\#(topic)", "operations": ["update"], "rollback_fails": true, "rollback_fail_logical_id": "\#(queue)", "times": 1}}}}"#
        )
        #expect(run(["deploy", "--require-approval", "never", "LiveStuck"], app: Self.app(["LiveStuck"], topic: true), folder: folder).status == .findings)

        let diff = run(["diff", "--change-set"], app: Self.app(["LiveStuck", "LiveSettled"], topic: true), folder: folder)
        #expect(diff.status == .done, "\(diff.output.standardError)")
        #expect(diff.output.standardOutput.contains("note: LiveStuck is UPDATE_ROLLBACK_FAILED"))
        #expect(
            diff.output.standardOutput.contains(
                "CloudFormation's change set: not asked for: the stack is UPDATE_ROLLBACK_FAILED, which CloudFormation does not update"))
        let changeSets = try proxy.log().filter { $0["action"] as? String == "CreateChangeSet" && $0["stack"] as? String == "LiveSettled" }
        #expect(changeSets.count == 2, "the settled stack still gets its change set (one from the deploy, one from the diff)")
    }

    @Test func aStackOfAnotherAccountWhoseRoleCannotBeAssumedIsReported() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(
            #"{"rules": [{"action": "AssumeRole", "fault": "error", "status": 403, "code": "AccessDenied", "message": "not authorized to perform sts:AssumeRole"}]}"#
        )
        let diff = run(["diff"], app: Self.app(["LiveElsewhere"], account: "444444444444"), folder: folder)
        #expect(diff.status == .environment)
        #expect(diff.output.standardError.contains("LiveElsewhere could not be read, so it is not compared: the stack is bound to account 444444444444"))
        #expect(try proxy.log().allSatisfy { $0["service"] as? String != "cloudformation" }, "no stack of the caller's own account is read in its place")
    }
}
