import FormworkCore

extension EventBus: RuleTargetDestination {
    /// Sent the rule's events with a role of the rule (`<Rule>/EventsRole`) that may put them on this bus.
    public func bind(to binding: RuleTargetBinding) throws(SynthesisError) -> RuleTargetBinding.Target {
        .init(arn: arn, roleArn: try binding.ruleRole(allowing: putEventsStatement))
    }

    /// Another bus takes the event as it is.
    public static var acceptsInput: Bool { false }
}
