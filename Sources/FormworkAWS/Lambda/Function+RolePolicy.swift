import FormworkCore

extension Function {
    /// Gives the function's role `statement`, as CDK's `fn.addToRolePolicy` does: into the role's default policy, or,
    /// with `@aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy`, into a ``Policy`` of its own at
    /// `<function>/inlinePolicyAddedToExecutionRole-<n>`, numbered from 0 in the order of the calls (the function's
    /// own, dead-letter queue then tracing, while it expands; another construct's, such as a rotation's, after).
    ///
    /// - Parameters:
    ///   - statement: what the role is given.
    ///   - scope: the scope of the construct that makes the call; the policy is added below the function.
    func addToRolePolicy(_ statement: PolicyStatement, in scope: ConstructScope) throws(SynthesisError) {
        // An imported function has no role here: CDK gives it nothing, and neither does this.
        guard imported == nil else { return }
        guard scope.defaults.isEnabled(.lambdaCreateNewPoliciesWithAddToRolePolicy) else {
            scope.contribute(statement, to: role, as: Role.defaultPolicyStatements)
            return
        }
        let functionScope = try scope.scope(of: self)
        var number = 0
        while functionScope.existingChild("inlinePolicyAddedToExecutionRole-\(number)") != nil { number += 1 }
        try functionScope.add(Policy("inlinePolicyAddedToExecutionRole-\(number)", statements: [statement], roles: [role]))
    }
}
