import FormworkCore

extension StateMachine: RuleTargetDestination {
    /// Executions started for the rule's events, with the machine's events role (`<Machine>/EventsRole`, shared by
    /// every rule that targets it).
    public func bind(to binding: RuleTargetBinding) throws(SynthesisError) -> RuleTargetBinding.Target {
        .init(arn: arn, roleArn: try binding.sharedRole(eventsRole, of: self, allowing: .startExecution(self)))
    }
}
