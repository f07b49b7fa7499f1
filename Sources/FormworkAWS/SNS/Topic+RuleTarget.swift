import FormworkCore

extension Topic: RuleTargetDestination {
    /// Sent the rule's events: the topic's policy lets EventBridge publish. Under the Formwork profile only this rule
    /// may (`aws:SourceArn`); CDK leaves the condition out, so under the CDK profile any rule may.
    public func bind(to binding: RuleTargetBinding) throws(SynthesisError) -> RuleTargetBinding.Target {
        let onlyThisRule: Value? = binding.scope.defaults.isFormwork ? ["ArnEquals": ["aws:SourceArn": binding.rule.arn]] : nil
        binding.scope.contribute(
            PolicyStatement(actions: ["sns:Publish"], resources: [arn], principal: ["Service": "events.amazonaws.com"], condition: onlyThisRule),
            to: self, as: Topic.policyStatements)
        return .init(arn: arn)
    }
}
