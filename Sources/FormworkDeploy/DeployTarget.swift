import FormworkCloud
import Foundation

/// Where a deployment goes: the account and region, the clients for them, and the bootstrap bucket.
public struct DeployTarget: Sendable {
    public let cloudFormation: CloudFormationClient
    public let s3: S3Client
    public let account: String
    /// The bucket assets and large templates go to.
    public let assetBucket: String

    public var region: String { cloudFormation.region }

    /// The target in `region`: the account from STS, and CDK's bootstrap bucket
    /// (`cdk-hnb659fds-assets-ACCOUNT-REGION`) unless `assetBucket` names another.
    public static func resolve(environment: AWSEnvironment, region: String, credentials: RefreshingCredentials,
                               assetBucket: String? = nil) async throws(CloudError) -> DeployTarget {
        let account = try await STSClient(environment: environment, region: region, credentials: credentials).callerIdentity().account
        return DeployTarget(cloudFormation: try CloudFormationClient(environment: environment, region: region, credentials: credentials),
                            s3: try S3Client(environment: environment, region: region, credentials: credentials), account: account,
                            assetBucket: assetBucket ?? "cdk-\(BootstrapStack.qualifier)-assets-\(account)-\(region)")
    }
}
