import FormworkCloud
import FormworkCore

/// One command's connection to AWS: the environment, credentials resolved once and refreshed, and a
/// CloudFormation client per region.
public struct CloudSession: Sendable {
    /// Where AWS is reached and with which profile, region and endpoint.
    public let environment: AWSEnvironment
    /// The credentials of ``environment``'s chain, resolved on first use and refreshed before they expire.
    public let credentials: RefreshingCredentials

    /// A session for `environment`, with the credentials its chain finds.
    public init(environment: AWSEnvironment) {
        self.environment = environment
        credentials = CredentialChain.credentials(environment)
    }

    /// CloudFormation in the region of `stackEnvironment` (`aws://ACCOUNT/REGION`, a stack's) when it names
    /// one, which binds; otherwise in the region the environment names.
    public func cloudFormation(stackEnvironment: String? = nil) throws(CloudError) -> CloudFormationClient {
        let region = try self.region(for: StackEnvironment(uri: stackEnvironment ?? ""))
        return try CloudFormationClient(environment: environment, region: region, credentials: credentials)
    }

    /// The region a stack in `stack` is reached in: its own, else the one the environment names.
    public func region(for stack: StackEnvironment) throws(CloudError) -> String {
        try environment.region(for: stack)
    }

    /// Runs `operation` against AWS and waits for it.
    public func run<T: Sendable>(_ operation: @escaping @Sendable () async throws(CloudError) -> T) throws(CloudError) -> T {
        try SynchronousWait.run(operation)
    }
}
