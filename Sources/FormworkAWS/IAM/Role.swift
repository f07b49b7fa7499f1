import FormworkCore
import FormworkL1
import FormworkTemplate

/// An IAM role, with the default policy that grants merge into (CDK's `iam.Role`).
///
/// Grants to a construct that has a role (`table.grant(.readWrite, to: worker)`) add their statements to
/// the role's default policy: an `AWS::IAM::Policy` at `<Role>/DefaultPolicy`, created only when some grant
/// exists, named like CDK names it.
public struct Role: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The service that may assume the role, e.g. `lambda.amazonaws.com`.
    public var assumedBy: String
    /// Managed policies attached to the role.
    public var managedPolicyArns: [Value]
    /// What happens to the role when the stack is deleted; CloudFormation's default (delete) when `nil`.
    public var removalPolicy: RemovalPolicy?
    /// A condition on who may assume the role, such as the source ARN and account (confused-deputy
    /// protection).
    public var trustCondition: Value?

    /// Statements grants add to the role's default policy.
    public static let defaultPolicyStatements = ContributionKey<PolicyStatement>("Role.defaultPolicyStatements")

    /// A role that `service` may assume.
    public init(
        _ id: String, assumedBy service: String, managedPolicyArns: [Value] = [], removalPolicy: RemovalPolicy? = nil,
        trustCondition: Value? = nil
    ) {
        self.id = id
        self.assumedBy = service
        self.managedPolicyArns = managedPolicyArns
        self.removalPolicy = removalPolicy
        self.trustCondition = trustCondition
    }

    /// `{"Ref": role}`: the role name.
    public var name: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The role's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnIAM.Role.Attribute.arn.rawValue))) }

    /// The ARN of an AWS managed policy, partition-aware: `arn:${Partition}:iam::aws:policy/<name>`.
    public static func awsManagedPolicy(_ name: String) -> Value {
        "arn:\(Aws.partition):iam::aws:policy/\(name)"
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        let trust = PolicyDocument(
            [
                PolicyStatement(actions: ["sts:AssumeRole"], principal: ["Service": .string(assumedBy)], condition: trustCondition)
            ], minimizing: scope.minimizesPolicies)
        let properties = CfnIAM.Role(
            assumeRolePolicyDocument: trust.value, managedPolicyArns: managedPolicyArns.isEmpty ? nil : .array(managedPolicyArns))
        var role = ResourceDeclaration(properties, removalPolicy: removalPolicy)
        role.resolvedTransforms = scope.policyTransforms
        try scope.declare(.resource(role), at: "Resource")
        scope.afterExpansion(.finalize) { scope throws(SynthesisError) in
            let statements = scope.contributions(to: self, as: Role.defaultPolicyStatements)
            guard !statements.isEmpty else { return }
            let policyScope = try scope.child("DefaultPolicy").child("Resource")
            // CDK names the policy after the last 128 characters of its own logical ID.
            let policyName = String(policyScope.logicalIdFromPath.suffix(128))
            var policy = ResourceDeclaration(
                CfnIAM.Policy(
                    policyDocument: PolicyDocument(statements, minimizing: scope.minimizesPolicies).value,
                    policyName: .string(policyName),
                    roles: [name]))
            policy.resolvedTransforms = scope.policyTransforms
            try policyScope.declare(.resource(policy))
        }
    }
}

/// A construct that acts through a role: grants add their statements to it.
public protocol GrantPrincipal: IdentifiedConstruct {
    /// The role that grants go to.
    var role: Role { get }
}
