import FormworkTemplate

extension CheckRule {
    /// Functions say how long they may run.
    public static let functionDefaultTimeout: CheckRule = CheckRule(
        id: "lambda-default-timeout", summary: "Functions set their timeout.", pillar: "Reliability", severity: .info,
        equivalents: ["ES1006", "Serverless-LambdaDefaultTimeout"],
        rationale: "The 3-second default cuts slow calls short; a timeout chosen for the work fails fast without cutting it.",
        remedy: "Set timeout."
    ) { template in
        template.resources(ofType: "AWS::Lambda::Function").compactMap { logicalId, function in
            function.properties["Timeout"] == nil ? functionDefaultTimeout.finding(logicalId, "the function times out after the default 3 seconds.") : nil
        }
    }
}
