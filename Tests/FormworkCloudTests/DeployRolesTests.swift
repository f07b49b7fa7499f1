import Foundation
import Formwork
import FormworkCLI
import FormworkCloud
import FormworkTestSupport
import Testing

/// Deploys into environments CDK bootstrapped use CDK's roles as `cdk deploy` does: the deploy role for
/// CloudFormation, the file-publishing role for assets, the execution role passed to change sets; another
/// account is reached only through its deploy role. Runs through the fault proxy, whose log shows which
/// credentials signed each call and what each call carried. Each test uses a region of its own, so a
/// `CDKToolkit` stack set up here is seen by no other test.
@Suite(.serialized, .needsMoto) struct DeployRolesTests {
    let moto: MotoServer
    let proxy: FaultProxy

    init() throws {
        moto = try MotoServer.shared.get()
        proxy = try FaultProxy(frontOf: moto)
    }

    func deploy(_ app: App, folder: borrowing TemporaryDirectory) -> CommandRunner.Result {
        CommandRunner.run(
            ["deploy", "--require-approval", "never", "--endpoint-url", proxy.endpoint], root: AppCommand.self, app: app,
            environment: moto.environment(home: folder.url.path))
    }

    /// moto checks a signature against the IAM of the account the key belongs to, and another account's
    /// IAM cannot be set up through it: this test runs against moto without signature checking, where an
    /// assumed role of account 222222222222 acts in that account.
    @Test func aStackBoundToAnotherAccountDeploysThroughThatAccountsDeployRole() throws {
        let folder = try TemporaryDirectory()
        let unsigned = try MotoServer.unsigned.get()
        let proxy = try FaultProxy(frontOf: unsigned)
        let other = MotoAccount(moto: unsigned, account: "222222222222")
        try other.bootstrapLikeCDK(region: "eu-north-1")
        let app = App { Stack("RolesCrossAccount", account: "222222222222", region: "eu-north-1") { Queue("Jobs") } }
        let result = CommandRunner.run(
            ["deploy", "--require-approval", "never", "--endpoint-url", proxy.endpoint], root: AppCommand.self, app: app,
            environment: unsigned.environment(home: folder.url.path))
        #expect(result.status == .done, "\(result.output.standardError)")
        let deployed = try other.stack("RolesCrossAccount", region: "eu-north-1")
        #expect(deployed?.status == "CREATE_COMPLETE")
        #expect(deployed?.roleArn == "arn:aws:iam::222222222222:role/cdk-hnb659fds-cfn-exec-role-222222222222-eu-north-1")
        #expect(
            try MotoAccount(moto: unsigned, account: "123456789012").stack("RolesCrossAccount", region: "eu-north-1") == nil,
            "nothing is deployed in the caller's own account")
        let log = try proxy.log()
        let assumed = log.filter { $0["action"] as? String == "AssumeRole" }.compactMap { $0["role_arn"] as? String }
        #expect(assumed.contains("arn:aws:iam::222222222222:role/cdk-hnb659fds-deploy-role-222222222222-eu-north-1"))
        let changeSets = log.filter { $0["action"] as? String == "CreateChangeSet" }
        #expect(changeSets.count == 1)
        #expect(changeSets.allSatisfy { $0["access_key"] as? String != unsigned.accessKeyId }, "CloudFormation is called as the deploy role")
    }

    @Test func aStackBoundToAnotherAccountWhoseDeployRoleCannotBeAssumedIsRefusedBeforeAnythingChanges() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(
            #"{"rules": [{"action": "AssumeRole", "fault": "error", "status": 403, "code": "AccessDenied", "message": "not authorized to perform sts:AssumeRole"}]}"#
        )
        let app = App { Stack("RolesNoTrust", account: "333333333333", region: "eu-south-1") { Queue("Jobs") } }
        let result = deploy(app, folder: folder)
        #expect(result.status == .environment)
        #expect(result.output.standardError.contains("RolesNoTrust: the stack is bound to account 333333333333, but the credentials"))
        #expect(
            result.output.standardError.contains(
                "CDK's deploy role arn:aws:iam::333333333333:role/cdk-hnb659fds-deploy-role-333333333333-eu-south-1 could not be assumed"))
        #expect(result.output.standardError.contains("cdk bootstrap --trust 123456789012 aws://333333333333/eu-south-1"))
        #expect(try proxy.log().allSatisfy { $0["service"] as? String != "cloudformation" }, "nothing was asked of CloudFormation")
    }

    @Test func inACDKBootstrappedAccountAssetsAndChangeSetsGoThroughCDKsRoles() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(#"{"rules": []}"#)
        try MotoAccount(moto: moto, account: "123456789012").bootstrapLikeCDK(region: "ap-southeast-2")
        try FileManager.default.createDirectory(atPath: folder.path("code"), withIntermediateDirectories: true)
        let code = try folder.write("exports.handler = async () => 'ok';\n", to: "code/index.js")
        let app = App {
            Stack("RolesBootstrapped", region: "ap-southeast-2") {
                Function("Handler", runtime: .nodejs22, handler: "index.handler", code: .asset(URL(fileURLWithPath: code).deletingLastPathComponent().path))
            }
        }
        let result = deploy(app, folder: folder)
        #expect(result.status == .done, "\(result.output.standardError)")
        let log = try proxy.log()
        let assumed = Set(log.filter { $0["action"] as? String == "AssumeRole" }.compactMap { $0["role_arn"] as? String })
        #expect(
            assumed == [
                "arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-ap-southeast-2",
                "arn:aws:iam::123456789012:role/cdk-hnb659fds-file-publishing-role-123456789012-ap-southeast-2",
            ])
        let changeSet = log.first { $0["action"] as? String == "CreateChangeSet" }
        #expect(changeSet?["role_arn"] as? String == "arn:aws:iam::123456789012:role/cdk-hnb659fds-cfn-exec-role-123456789012-ap-southeast-2")
        #expect(changeSet?["access_key"] as? String != moto.accessKeyId)
        let upload = log.first { $0["service"] as? String == "s3" && $0["method"] as? String == "PUT" }
        let headers = upload?["headers"] as? [String: String]
        #expect(headers?["x-amz-server-side-encryption"] == "aws:kms", "the upload asks for the bucket's own encryption")
        #expect(headers?["x-amz-expected-bucket-owner"] == "123456789012")
        #expect(upload?["access_key"] as? String != moto.accessKeyId, "assets go up as the file-publishing role")
        #expect(
            log.filter { $0["service"] as? String == "s3" }.allSatisfy {
                ($0["headers"] as? [String: String])?["x-amz-expected-bucket-owner"] == "123456789012"
            })
    }

    @Test func anOutdatedCDKBootstrapIsRefusedBeforeAssetsGoUp() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(#"{"rules": []}"#)
        try MotoAccount(moto: moto, account: "123456789012").bootstrapLikeCDK(region: "ca-central-1", version: 5)
        try FileManager.default.createDirectory(atPath: folder.path("code"), withIntermediateDirectories: true)
        let code = try folder.write("exports.handler = async () => 'ok';\n", to: "code/index.js")
        let app = App {
            Stack("RolesOldBootstrap", region: "ca-central-1") {
                Function("Handler", runtime: .nodejs22, handler: "index.handler", code: .asset(URL(fileURLWithPath: code).deletingLastPathComponent().path))
            }
        }
        let result = deploy(app, folder: folder)
        #expect(result.status == .environment)
        #expect(
            result.output.standardError.contains(
                "ca-central-1 was bootstrapped by CDK with version 5; assets need version 6 or later: run `cdk bootstrap` again"))
        #expect(try proxy.log().allSatisfy { !($0["service"] as? String == "s3" && $0["method"] as? String == "PUT") })
    }

    @Test func aCustomQualifierDeploysThroughThatBootstrapsRolesAndBucket() throws {
        let folder = try TemporaryDirectory()
        try proxy.configure(#"{"rules": []}"#)
        try MotoAccount(moto: moto, account: "123456789012").bootstrapLikeCDK(region: "sa-east-1", qualifier: "team1")
        try FileManager.default.createDirectory(atPath: folder.path("code"), withIntermediateDirectories: true)
        let code = try folder.write("exports.handler = async () => 'ok';\n", to: "code/index.js")
        let app = App(bootstrap: BootstrapNames(qualifier: "team1")) {
            Stack("RolesQualified", region: "sa-east-1") {
                Function("Handler", runtime: .nodejs22, handler: "index.handler", code: .asset(URL(fileURLWithPath: code).deletingLastPathComponent().path))
            }
        }
        let result = deploy(app, folder: folder)
        #expect(result.status == .done, "\(result.output.standardError)")
        let log = try proxy.log()
        let assumed = Set(log.filter { $0["action"] as? String == "AssumeRole" }.compactMap { $0["role_arn"] as? String })
        #expect(assumed.contains("arn:aws:iam::123456789012:role/cdk-team1-deploy-role-123456789012-sa-east-1"))
        let upload = log.first { $0["service"] as? String == "s3" && $0["method"] as? String == "PUT" }
        #expect((upload?["path"] as? String)?.hasPrefix("/cdk-team1-assets-123456789012-sa-east-1/") == true)
    }
}
