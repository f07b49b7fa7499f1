import FormworkCloud
import FormworkCore
import Foundation

/// Puts a template too large for a CloudFormation request (over 51,200 bytes) in S3, as `cdk diff` does: in
/// the bootstrap bucket of the stack's account and region (`cdk-QUALIFIER-assets-ACCOUNT-REGION`), or the
/// bucket given with `--template-bucket`, under a key named by the template's hash.
public struct TemplateUploader: Sendable {
    /// The connection to AWS the upload goes through.
    public let session: CloudSession

    /// An uploader through `session`.
    public init(session: CloudSession) {
        self.session = session
    }

    /// The template's S3 URL after the upload of `body` for `stack`, to `bucket` (the stack's bootstrap bucket
    /// when `nil`).
    public func upload(_ body: String, stack: CloudAssembly.StackArtifact, bucket: String?) throws(CloudError) -> String {
        let cloudFormation = try session.cloudFormation(stackEnvironment: stack.environment)
        let region = cloudFormation.region
        let environment = session.environment
        let credentials = session.credentials
        let data = Data(body.utf8)
        let key = "formwork-diff/" + ContentHash.sha256(data) + ".json"
        return try session.run { () async throws(CloudError) -> String in
            let s3 = try S3Client(environment: environment, region: region, credentials: credentials)
            var target = bucket
            if target == nil {
                let account = try await STSClient(environment: environment, region: region, credentials: credentials).callerIdentity().account
                target = BootstrapNames.resolved(
                    stack.bootstrap.assetBucket, account: account, region: region,
                    partition: BootstrapNames.partition(ofRegion: region))
            }
            do throws(CloudError) {
                try await s3.putObject(bucket: target!, key: key, body: data, contentType: "application/json")
            } catch .service(let error) where error.code == "NoSuchBucket" {
                throw .configuration(
                    "the template of \(stack.name) is \(data.count) bytes, over CloudFormation's 51,200 for a request, and the bucket \(target!) to put it in does not exist; bootstrap the account or pass --template-bucket"
                )
            }
            return try s3.objectURL(bucket: target!, key: key).absoluteString
        }
    }
}
