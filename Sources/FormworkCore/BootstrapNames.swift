import Foundation

/// The names CDK's bootstrap gives an environment's resources, for one qualifier: the assets bucket, the
/// deploy, file-publishing and CloudFormation execution roles, and the version parameter.
///
/// The one source of these names: the templates (a function's code bucket), the cloud assembly's
/// manifests, `deploy` and `bootstrap` all read them here. Each name is a pattern holding
/// `${AWS::AccountId}`, `${AWS::Region}` and `${AWS::Partition}` as CDK writes it; ``resolved(_:account:region:partition:)``
/// fills them in for one environment.
public struct BootstrapNames: Sendable, Hashable {
    /// CDK's default qualifier, `hnb659fds` (the `@aws-cdk/core:bootstrapQualifier` context when unset).
    public static let defaultQualifier = "hnb659fds"

    /// The names CDK uses unless told otherwise (qualifier `hnb659fds`).
    public static let `default` = BootstrapNames(qualifier: defaultQualifier)

    /// The qualifier: up to 10 lowercase letters and digits distinguishing several bootstraps of one environment.
    public let qualifier: String
    /// Whether each stack's template checks the environment's bootstrap version as CDK's default synthesizer
    /// writes it (a `BootstrapVersion` parameter read from ``versionParameter`` and a `CheckBootstrapVersion`
    /// rule requiring version 6 or later); `false` by default, as the parameter exists only where `cdk bootstrap`
    /// ran. An app moved from CDK that keeps CDK's bootstrap turns it on, so its templates keep both.
    public let checksVersion: Bool

    /// The names for `qualifier` (1 to 10 lowercase letters and digits; synthesis refuses another).
    ///
    /// - Parameter checksVersion: whether templates check the bootstrap version (``checksVersion``); `false` by default.
    public init(qualifier: String, checksVersion: Bool = false) {
        self.qualifier = qualifier
        self.checksVersion = checksVersion
    }

    /// CDK's default synthesizer: qualifier `hnb659fds`, every template checking the bootstrap version.
    public static let cdkDefaultSynthesizer = BootstrapNames(qualifier: defaultQualifier, checksVersion: true)

    /// Whether `qualifier` is one `cdk bootstrap --qualifier` takes: 1 to 10 lowercase letters and digits
    /// (it becomes part of a bucket name).
    public static func isValidQualifier(_ qualifier: String) -> Bool {
        (1...10).contains(qualifier.count) && qualifier.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// The assets bucket: `cdk-<qualifier>-assets-${AWS::AccountId}-${AWS::Region}`.
    public var assetBucket: String { "cdk-\(qualifier)-assets-${AWS::AccountId}-${AWS::Region}" }

    /// The role `cdk deploy` assumes for CloudFormation calls.
    public var deployRole: String { roleArn("deploy-role") }

    /// The role asset uploads assume.
    public var filePublishingRole: String { roleArn("file-publishing-role") }

    /// The role CloudFormation itself acts with, passed to change sets.
    public var cloudFormationExecutionRole: String { roleArn("cfn-exec-role") }

    /// The SSM parameter holding the bootstrap stack's version: `/cdk-bootstrap/<qualifier>/version`.
    public var versionParameter: String { "/cdk-bootstrap/\(qualifier)/version" }

    /// The lowest bootstrap version a stack with assets needs (CDK's `requiresBootstrapStackVersion`).
    public static let minimumVersionForAssets = 6

    /// `pattern` with `${AWS::AccountId}`, `${AWS::Region}` and `${AWS::Partition}` filled in.
    public static func resolved(_ pattern: String, account: String, region: String, partition: String) -> String {
        pattern.replacingOccurrences(of: "${AWS::AccountId}", with: account)
            .replacingOccurrences(of: "${AWS::Region}", with: region)
            .replacingOccurrences(of: "${AWS::Partition}", with: partition)
    }

    /// The partition of `region`: `aws-cn` for China's regions, `aws-us-gov` for GovCloud, else `aws`.
    public static func partition(ofRegion region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }

    private func roleArn(_ role: String) -> String {
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-\(qualifier)-\(role)-${AWS::AccountId}-${AWS::Region}"
    }
}
