import FormworkCore

extension Alias: RuleTargetDestination {
    /// The alias invoked by the rule (CDK's `LambdaFunction` target of an alias): its ARN is the target's, and the
    /// permission names the alias, for this rule only.
    public func bind(to binding: RuleTargetBinding) throws(SynthesisError) -> RuleTargetBinding.Target {
        try binding.allowInvoking(arn)
        return .init(arn: arn)
    }
}
