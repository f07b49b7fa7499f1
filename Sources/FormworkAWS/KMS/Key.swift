import FormworkCore
import FormworkL1
import OrderedCollections

/// A customer managed KMS key (CDK's `kms.Key`), the account's root allowed to administer it, retained when
/// the stack is deleted; rotation on under the Formwork defaults profile.
///
/// ```swift
/// let key = Key("OrdersKey", description: "Orders data")
/// Queue("Orders", encryption: .kms(key))
/// ```
public struct Key: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The key's `Description`, up to 8,192 characters; `nil`: none written.
    public var description: String?
    /// Whether KMS rotates the key yearly; `nil`: not written under the CDK profile (off), on under Formwork's.
    public var enableKeyRotation: Bool?
    /// What happens to the key when it leaves the stack or the stack is deleted; ``RemovalPolicy/retain`` unless
    /// given, as in CDK (a deleted key is only scheduled for deletion, after a waiting period).
    public var removalPolicy: RemovalPolicy

    /// Statements edges add to the key policy (services that must use the key).
    public static let policyStatements = ContributionKey<PolicyStatement>("Key.policyStatements")

    /// A key; CDK leaves rotation off unless asked, Formwork's defaults turn it on, as the Well-Architected
    /// guidance asks.
    public init(_ id: String, description: String? = nil, enableKeyRotation: Bool? = nil, removalPolicy: RemovalPolicy = .retain) {
        self.id = id
        self.description = description
        self.enableKeyRotation = enableKeyRotation
        self.removalPolicy = removalPolicy
    }

    /// The key's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnKMS.Key.Attribute.arn.rawValue))) }
    /// `{"Ref": key}`: the key id.
    public var keyId: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        _ = try scope.child("Resource")
        scope.afterExpansion(.finalize) { scope throws(SynthesisError) in
            let root = PolicyStatement(
                actions: ["kms:*"], resources: ["*"],
                principal: ["AWS": "arn:\(Aws.partition):iam::\(Aws.accountId):root"])
            var key = CfnKMS.Key()
            key.description = description.map { .string($0) }
            let rotation = enableKeyRotation ?? (scope.defaults.isFormwork ? true : nil)
            key.enableKeyRotation = rotation.map { .bool($0) }
            key.keyPolicy = PolicyDocument([root] + scope.contributions(to: self, as: Key.policyStatements), minimizing: scope.minimizesPolicies).value
            try scope.declareResource(key, removalPolicy: removalPolicy, transforms: scope.policyTransforms)
        }
    }
}
