import FormworkTemplate

extension CheckRule {
    /// Function logs have a retention: a log group of the function with `RetentionInDays`.
    public static let functionLogRetention: CheckRule = CheckRule(
        id: "lambda-log-retention", summary: "Function logs have a retention period.", pillar: "Cost optimization", severity: .warning,
        equivalents: ["WS1004"],
        rationale: "Lambda creates its log group with no expiry: logs pile up and are paid for forever.",
        remedy: "Declare the function's log group with a retention (LogGroup with logGroupName /aws/lambda/<name>, retention: .oneMonth)."
    ) { template in
        let retained = template.functionsWithLogRetention
        return template.resources(ofType: "AWS::Lambda::Function").compactMap { logicalId, _ in
            retained.contains(logicalId) ? nil : functionLogRetention.finding(logicalId, "the function's logs are kept forever.")
        }
    }
}
