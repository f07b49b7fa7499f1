import FormworkCore

extension ApiDestination: RuleTargetDestination {
    /// Called with the rule's events, with the destination's events role (`<Destination>/EventsRole`, shared).
    public func bind(to binding: RuleTargetBinding) throws(SynthesisError) -> RuleTargetBinding.Target {
        .init(arn: arn, roleArn: try binding.sharedRole(eventsRole, of: self, allowing: invokeStatement))
    }
}
