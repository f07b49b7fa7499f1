import FormworkCore
import FormworkL1

extension Function {
    /// How many statements the function gives its own role as CDK's `addToRolePolicy` does (the dead-letter queue's,
    /// then tracing's): where another construct's calls continue the numbering of their inline policies.
    var ownRolePolicyCount: Int { (deadLetterQueue == nil ? 0 : 1) + (tracing == nil ? 0 : 1) }

    /// Gives the function's role `statement`, as CDK's `fn.addToRolePolicy` does: into the role's default policy, or,
    /// with `@aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy`, into a policy of its own at
    /// `<function>/inlinePolicyAddedToExecutionRole-<index>` (CDK numbers them in the order of the calls, from 0).
    ///
    /// - Parameters:
    ///   - statement: what the role is given.
    ///   - index: the call's place among the function's calls, from 0; `nil`: the first number after the function's own
    ///     calls that no earlier call took (another construct's call, such as a rotation's).
    ///   - scope: the scope of the construct that makes the call; the policy is declared below the function.
    func addToRolePolicy(_ statement: PolicyStatement, index: Int? = nil, in scope: ConstructScope) throws(SynthesisError) {
        // An imported function has no role here: CDK gives it nothing, and neither does this.
        guard imported == nil else { return }
        guard scope.defaults.isEnabled(.lambdaCreateNewPoliciesWithAddToRolePolicy) else {
            scope.contribute(statement, to: role, as: Role.defaultPolicyStatements)
            return
        }
        let functionScope = try scope.scope(of: self)
        var number = index ?? ownRolePolicyCount
        while index == nil, functionScope.existingChild("inlinePolicyAddedToExecutionRole-\(number)") != nil { number += 1 }
        let policyScope = try functionScope.child("inlinePolicyAddedToExecutionRole-\(number)").child("Resource")
        // CDK names the policy after the last 128 characters of its own logical ID, as a role's default policy.
        var policy = ResourceDeclaration(
            CfnIAM.Policy(
                policyDocument: PolicyDocument([statement], minimizing: scope.minimizesPolicies).value,
                policyName: .string(String(policyScope.logicalIdFromPath.suffix(128))),
                roles: [role.name]))
        policy.resolvedTransforms = scope.policyTransforms
        try policyScope.declare(.resource(policy))
    }
}
