import FormworkCore

extension Queue: RuleTargetDestination {
    /// Sent the rule's events: the queue's policy lets EventBridge send them for this rule only (`aws:SourceArn`).
    public func bind(to binding: RuleTargetBinding) throws(SynthesisError) -> RuleTargetBinding.Target {
        binding.scope.contribute(
            PolicyStatement(
                actions: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], resources: [arn],
                principal: ["Service": "events.amazonaws.com"], condition: ["ArnEquals": ["aws:SourceArn": binding.rule.arn]]),
            to: self, as: Queue.policyStatements)
        return .init(arn: arn)
    }
}
