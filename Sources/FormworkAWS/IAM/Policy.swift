import FormworkCore
import FormworkL1
import OrderedCollections

/// An inline IAM policy attached to roles (CDK's `iam.Policy`), named after its logical ID as CDK names it.
///
/// ```swift
/// Policy("ReadConfig", statements: [PolicyStatement(actions: ["ssm:GetParameter"], resources: [parameterArn])],
///        roles: [worker.role])
/// ```
public struct Policy: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The statements of the policy's `PolicyDocument`; at least one.
    public var statements: [PolicyStatement]
    /// The roles the policy is attached to (`Roles`, by name); at least one.
    public var roles: [Role]
    /// The policy's name (`PolicyName`): 1 to 128 letters, digits or `+=,.@_-`, unique among the role's inline
    /// policies; `nil`: the last 128 characters of the logical ID, as CDK names it.
    public var policyName: String?

    /// A policy of `statements` attached to `roles`.
    public init(_ id: String, statements: [PolicyStatement], roles: [Role], policyName: String? = nil) {
        self.id = id
        self.statements = statements
        self.roles = roles
        self.policyName = policyName
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        guard !statements.isEmpty else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a policy needs at least one statement")
        }
        guard !roles.isEmpty else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a policy must be attached to at least one role")
        }
        for role in roles { scope.require(role) }
        let resource = try scope.child("Resource")
        try scope.declareResource(
            CfnIAM.Policy(
                policyDocument: PolicyDocument(statements, minimizing: scope.minimizesPolicies).value,
                policyName: .string(policyName ?? String(resource.logicalIdFromPath.suffix(128))),
                roles: .array(roles.map(\.name))),
            transforms: scope.policyTransforms)
    }
}

/// A customer managed IAM policy (CDK's `iam.ManagedPolicy`), attachable to roles by its ARN.
///
/// ```swift
/// let readOrders = ManagedPolicy("ReadOrders", statements: [...])
/// Role("Analyst", assumedBy: "ec2.amazonaws.com", managedPolicyArns: [readOrders.arn])
/// ```
public struct ManagedPolicy: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The statements of the policy's `PolicyDocument`; at least one. A managed policy's document may be up to
    /// 6,144 characters, spaces not counted.
    public var statements: [PolicyStatement]
    /// The policy's name (`ManagedPolicyName`): 1 to 128 letters, digits or `+=,.@_-`, unique in the account;
    /// `nil`: CloudFormation generates one.
    public var managedPolicyName: String?
    /// The policy's `Description`, up to 1,000 characters; `nil`: none. It cannot be changed once the policy exists.
    public var description: String?

    /// A managed policy of `statements`, at the path `/`.
    public init(_ id: String, statements: [PolicyStatement], managedPolicyName: String? = nil, description: String? = nil) {
        self.id = id
        self.statements = statements
        self.managedPolicyName = managedPolicyName
        self.description = description
    }

    /// `{"Ref": policy}`: the policy's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        guard !statements.isEmpty else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a managed policy needs at least one statement")
        }
        let policy = CfnIAM.ManagedPolicy(
            description: description.map { .string($0) },
            managedPolicyName: managedPolicyName.map { .string($0) },
            path: "/",
            policyDocument: PolicyDocument(statements, minimizing: scope.minimizesPolicies).value)
        try scope.declareResource(policy, transforms: scope.policyTransforms)
    }
}
