import FormworkTemplate

extension CheckRule {
    /// SNS subscriptions have a redrive policy.
    public static let subscriptionRedrive: CheckRule = CheckRule(
        id: "sns-subscription-redrive", summary: "Subscriptions keep the messages they cannot deliver.", pillar: "Reliability",
        severity: .warning, equivalents: ["ES7000", "Serverless-SNSRedrivePolicy"],
        rationale: "A message SNS cannot deliver after its retries is dropped unless the subscription has a dead-letter queue.",
        remedy: "Pass deadLetterQueue: to topic.subscribe(...)."
    ) { template in
        template.resources(ofType: "AWS::SNS::Subscription").compactMap { logicalId, subscription in
            subscription.properties["RedrivePolicy"] == nil ? subscriptionRedrive.finding(logicalId, "the subscription has no dead-letter queue.") : nil
        }
    }
}
