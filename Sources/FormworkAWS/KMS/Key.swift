import FormworkCore
import OrderedCollections

/// A customer managed KMS key (CDK's `kms.Key`), with rotation on and the account's root allowed to
/// administer it, retained when the stack is deleted.
///
/// ```swift
/// let key = Key("OrdersKey", description: "Orders data")
/// Queue("Orders", encryption: .kms(key))
/// ```
public struct Key: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    public var description: String?
    public var enableKeyRotation: Bool
    public var removalPolicy: RemovalPolicy

    /// Statements edges add to the key policy (services that must use the key).
    public static let policyStatements = ContributionKey<PolicyStatement>("Key.policyStatements")

    /// A key with rotation on; CDK leaves rotation off unless asked, the Well-Architected guidance asks.
    public init(_ id: String, description: String? = nil, enableKeyRotation: Bool = true, removalPolicy: RemovalPolicy = .retain) {
        self.id = id
        self.description = description
        self.enableKeyRotation = enableKeyRotation
        self.removalPolicy = removalPolicy
    }

    /// The key's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt("Arn"))) }
    /// `{"Ref": key}`: the key id.
    public var keyId: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        _ = try scope.child("Resource")
        scope.afterExpansion(.finalize) { scope throws(SynthesisError) in
            let root = PolicyStatement(actions: ["kms:*"], resources: ["*"],
                                       principal: ["AWS": "arn:\(Aws.partition):iam::\(Aws.accountId):root"])
            var properties = OrderedDictionary<String, Value>()
            properties["Description"] = description.map { .string($0) }
            properties["EnableKeyRotation"] = enableKeyRotation ? true : nil
            properties["KeyPolicy"] = PolicyDocument([root] + scope.contributions(to: self, as: Key.policyStatements)).value
            try scope.declareResource("AWS::KMS::Key", properties: properties, removalPolicy: removalPolicy)
        }
    }
}
