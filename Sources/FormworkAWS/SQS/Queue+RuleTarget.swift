import FormworkCore

extension Queue: RuleTargetDestination {
    /// Sent the rule's events, as CDK's `SqsQueue` target allows them: a queue without a customer managed key lets
    /// EventBridge send for this rule only (`aws:SourceArn`); one with a key lets EventBridge send, and use the key
    /// (a statement in the key's policy), without a condition, or from the stack's account only
    /// (`aws:SourceAccount`) with `@aws-cdk/aws-events:eventsTargetQueueSameAccount`.
    public func bind(to binding: RuleTargetBinding) throws(SynthesisError) -> RuleTargetBinding.Target {
        let scope = binding.scope
        let condition: Value?
        if customerKey == nil {
            condition = ["ArnEquals": ["aws:SourceArn": binding.rule.arn]]
        } else if scope.defaults.isEnabled(.eventsTargetQueueSameAccount) {
            condition = ["StringEquals": ["aws:SourceAccount": scope.stackAccount.map { .string($0) } ?? Aws.accountId]]
        } else {
            condition = Optional<Value>.none
        }
        let principal: Value = ["Service": "events.amazonaws.com"]
        scope.contribute(
            PolicyStatement(
                actions: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], resources: [arn], principal: principal,
                condition: condition),
            to: self, as: Queue.policyStatements)
        if let key = customerKey {
            scope.contribute(
                PolicyStatement(
                    actions: ["kms:Decrypt", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"], resources: ["*"], principal: principal,
                    condition: condition),
                to: key, as: Key.policyStatements)
        }
        return .init(arn: arn)
    }
}
