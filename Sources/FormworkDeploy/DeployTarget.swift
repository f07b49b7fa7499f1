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
    ///
    /// - Parameter requiredAccount: the account the stacks are bound to; credentials of another account are
    ///   refused here, before anything is changed.
    public static func resolve(environment: AWSEnvironment, region: String, credentials: RefreshingCredentials,
                               assetBucket: String? = nil, requiredAccount: String? = nil) async throws(CloudError) -> DeployTarget {
        let account = try await STSClient(environment: environment, region: region, credentials: credentials).callerIdentity().account
        if let requiredAccount, requiredAccount != account {
            throw .configuration("the stack is bound to account \(requiredAccount), but the credentials (\(environment.credentialsSource)) are of account \(account); nothing was changed. Use credentials of \(requiredAccount) (--profile, AWS_PROFILE), or leave the stack's account open to deploy it anywhere")
        }
        return DeployTarget(cloudFormation: try CloudFormationClient(environment: environment, region: region, credentials: credentials),
                            s3: try S3Client(environment: environment, region: region, credentials: credentials), account: account,
                            assetBucket: assetBucket ?? "cdk-\(BootstrapStack.qualifier)-assets-\(account)-\(region)")
    }
}
