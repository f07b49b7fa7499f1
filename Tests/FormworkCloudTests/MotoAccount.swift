import Foundation
import FormworkCloud

/// Another account of the shared moto server, reached with the test user's key: moto acts in the account
/// a request's `x-moto-account-id` header names. Tests set up what `cdk bootstrap` leaves in an account
/// (its roles, its `CDKToolkit` stack) this way.
struct MotoAccount {
    let moto: MotoServer
    let account: String

    /// Adds moto's account header to every request.
    private struct AccountTransport: HTTPTransport {
        let account: String
        let base: any HTTPTransport

        func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(CloudError) -> HTTPResponse {
            var request = request
            request.headers["x-moto-account-id"] = account
            return try await base.send(request, timeout: timeout)
        }
    }

    /// A client environment acting in ``account``.
    var environment: AWSEnvironment {
        var environment = moto.awsEnvironment()
        environment.transport = AccountTransport(account: account, base: environment.transport)
        return environment
    }

    /// Creates the role `name`, which anyone may assume and which may do anything.
    func createRole(_ name: String) throws {
        let environment = environment
        let iam = AWSQueryClient(
            service: "iam", version: "2010-05-08", endpoint: URL(string: moto.endpoint)!, region: "us-east-1",
            credentials: CredentialChain.credentials(environment), transport: environment.transport, retry: .standard)
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        try SynchronousWait.run { () async throws(CloudError) in
            _ = try await iam.call("CreateRole", [("RoleName", name), ("AssumeRolePolicyDocument", trust)])
            _ = try await iam.call("PutRolePolicy", [("RoleName", name), ("PolicyName", "all"), ("PolicyDocument", policy)])
        }
    }

    /// What `cdk bootstrap` leaves in `region`: the deploy, file-publishing and execution roles, and a
    /// `CDKToolkit` stack with the assets bucket (KMS-encrypted by default) and its `BootstrapVersion` output.
    func bootstrapLikeCDK(region: String, version: Int = 21, qualifier: String = "hnb659fds") throws {
        for role in ["deploy-role", "file-publishing-role", "cfn-exec-role"] {
            try createRole("cdk-\(qualifier)-\(role)-\(account)-\(region)")
        }
        let template = """
            {"Resources": {
              "StagingBucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "cdk-\(qualifier)-assets-\(account)-\(region)",
                "BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]}}},
              "CdkBootstrapVersion": {"Type": "AWS::SSM::Parameter", "Properties": {"Type": "String", "Name": "/cdk-bootstrap/\(qualifier)/version", "Value": "\(version)"}}},
             "Outputs": {"BootstrapVersion": {"Value": "\(version)"},
                         "BucketName": {"Value": {"Ref": "StagingBucket"}}}}
            """
        let client = try CloudFormationClient(environment: environment, region: region, credentials: CredentialChain.credentials(environment))
        _ = try SynchronousWait.run { () async throws(CloudError) -> String in try await client.createStack(name: "CDKToolkit", template: .body(template)) }
    }

    /// Stack `name` in `region` of ``account``.
    func stack(_ name: String, region: String) throws -> CloudFormationClient.Stack? {
        let environment = environment
        let client = try CloudFormationClient(environment: environment, region: region, credentials: CredentialChain.credentials(environment))
        return try SynchronousWait.run { () async throws(CloudError) -> CloudFormationClient.Stack? in try await client.stack(named: name) }
    }
}
