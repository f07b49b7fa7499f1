import FormworkTemplate

extension CheckRule {
    /// Every target of an EventBridge rule has a dead-letter queue.
    public static let ruleTargetDeadLetter: CheckRule = CheckRule(
        id: "eventbridge-target-dead-letter", summary: "Rule targets keep the events they cannot deliver.", pillar: "Reliability",
        severity: .warning, equivalents: ["ES4000", "Serverless-EventBusDLQ"],
        rationale: "An event EventBridge cannot deliver after its retries is dropped unless the target has a dead-letter queue.",
        remedy: "Pass deadLetterQueue: to rule.target(...)."
    ) { template in
        template.resources(ofType: "AWS::Events::Rule").compactMap { logicalId, rule in
            let targets = rule.properties["Targets"].map(JSONValue.list) ?? []
            return targets.allSatisfy({ $0["DeadLetterConfig"]?["Arn"] != nil })
                ? nil : ruleTargetDeadLetter.finding(logicalId, "a target of the rule has no dead-letter queue.")
        }
    }
}
