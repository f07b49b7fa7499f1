import FormworkCore
import FormworkL1

extension Function: RuleTargetDestination {
    /// Invoked by the rule, with a `lambda:InvokeFunction` permission for this rule only (`<Rule>/AllowEventRule<function>`);
    /// for an imported function, only when CDK can tell it is in the stack's account (``Function/fromFunctionArn(_:arn:)``).
    public func bind(to binding: RuleTargetBinding) throws(SynthesisError) -> RuleTargetBinding.Target {
        if createsPermissions(in: binding.ruleScope) { try binding.allowInvoking(arn) }
        return .init(arn: arn)
    }
}

extension RuleTargetBinding {
    /// A `lambda:InvokeFunction` permission on `functionArn` (a function, version or alias) for this rule only, at
    /// `<Rule>/AllowEventRule<destination's unique id>` as CDK's `addPermission` puts it.
    func allowInvoking(_ functionArn: Value) throws(SynthesisError) {
        try ruleScope.declareResource(
            CfnLambda.Permission(action: "lambda:InvokeFunction", functionName: functionArn, principal: "events.amazonaws.com", sourceArn: rule.arn),
            at: "AllowEventRule\(destinationScope.uniqueId)")
    }
}
