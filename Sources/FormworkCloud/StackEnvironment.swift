/// The account and region a stack is bound to, read from its cloud assembly environment
/// (`aws://ACCOUNT/REGION`, with `unknown-account` / `unknown-region` for what the stack leaves open).
///
/// Binding: a stack with a region is deployed, diffed and destroyed in that region whatever `--region` or
/// `AWS_REGION` say; a stack with an account only with credentials of that account.
public struct StackEnvironment: Sendable, Hashable, CustomStringConvertible {
    /// The account the stack must be deployed to; `nil`: any.
    public var account: String?
    /// The region the stack must be deployed to; `nil`: the one the options and environment name.
    public var region: String?

    /// An environment with the given account and region (`nil`: left open).
    public init(account: String? = nil, region: String? = nil) {
        self.account = account
        self.region = region
    }

    /// The environment an assembly writes as `aws://ACCOUNT/REGION`; anything else is environment-agnostic.
    public init(uri: String) {
        guard uri.hasPrefix("aws://") else {
            self.init()
            return
        }
        let parts = uri.dropFirst("aws://".count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let account = parts.first.flatMap { $0.isEmpty || $0 == "unknown-account" ? nil : $0 }
        let region = parts.count > 1 ? (parts[1].isEmpty || parts[1] == "unknown-region" ? nil : parts[1]) : nil
        self.init(account: account, region: region)
    }

    public var description: String {
        "aws://\(account ?? "unknown-account")/\(region ?? "unknown-region")"
    }
}

extension AWSEnvironment {
    /// The region a stack in `stack` is reached in: its own when it names one (binding), otherwise
    /// `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's.
    public func region(for stack: StackEnvironment) throws(CloudError) -> String {
        guard let bound = stack.region else { return try region() }
        try files.checkReadable()
        return try Self.checkedRegion(bound)
    }
}
