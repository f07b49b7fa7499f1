import FormworkCloud
import FormworkCore

/// Why a deployment or destruction did not happen or did not succeed.
public enum DeployError: Error, Sendable, Equatable, CustomStringConvertible {
    /// AWS, the network or the credentials failed (exit status 3).
    case cloud(CloudError)
    /// The account and region have no bootstrap bucket.
    case notBootstrapped(bucket: String, region: String)
    /// CDK bootstrapped the account and region with a version older than assets need.
    case outdatedBootstrap(version: Int, region: String)
    /// An asset folder could not be read or zipped.
    case asset(path: String, reason: String)
    /// CloudFormation refused the change set.
    case changeSetFailed(stack: String, reason: String)
    /// The deployment failed and rolled back (or failed to).
    case deploymentFailed(stack: String, reason: String, finalStatus: String)
    /// Access widens and approval was not given.
    case approvalRefused(stack: String, reason: String)
    /// The stack cannot be changed as asked (termination protection, a failed state).
    case refused(stack: String, reason: String)

    /// Whether the failure is the environment's (exit status 3) rather than the deployment's (1).
    public var isEnvironmental: Bool {
        switch self {
        case .cloud, .notBootstrapped, .outdatedBootstrap, .asset: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .cloud(let error): "\(error)"
        case .notBootstrapped(let bucket, let region):
            "the bootstrap bucket \(bucket) is not there in \(region); run `<app> bootstrap` (or `cdk bootstrap`) first"
        case .outdatedBootstrap(let version, let region):
            "\(region) was bootstrapped by CDK with version \(version); assets need version \(BootstrapNames.minimumVersionForAssets) or later: run `cdk bootstrap` again to update it"
        case .asset(let path, let reason): "cannot zip the asset folder '\(path)': \(reason)"
        case .changeSetFailed(let stack, let reason): "CloudFormation refused the change set of \(stack): \(reason)"
        case .deploymentFailed(let stack, let reason, let status): "\(stack) failed to deploy: \(reason); the stack is now \(status)"
        case .approvalRefused(let stack, let reason): "\(stack) was not deployed: \(reason)"
        case .refused(let stack, let reason): "\(stack): \(reason)"
        }
    }
}
