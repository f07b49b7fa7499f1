import FormworkTemplate

extension CheckRule {
    /// Every log group sets a retention.
    public static let logGroupRetention: CheckRule = CheckRule(
        id: "log-group-retention", summary: "Log groups set a retention period.", pillar: "Cost optimization", severity: .warning,
        equivalents: ["Serverless-CloudWatchLogGroupRetentionPeriod"],
        rationale: "A log group without RetentionInDays keeps every event forever.",
        remedy: "Set retention on the LogGroup (for example .oneMonth)."
    ) { template in
        template.resources(ofType: "AWS::Logs::LogGroup").compactMap { logicalId, group in
            group.properties["RetentionInDays"] == nil ? logGroupRetention.finding(logicalId, "the log group keeps its events forever.") : nil
        }
    }
}
