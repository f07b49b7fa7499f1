import FormworkTemplate

extension CheckRule {
    /// Functions send traces to X-Ray.
    public static let functionTracing: CheckRule = CheckRule(
        id: "lambda-tracing", summary: "Functions are traced with X-Ray.", pillar: "Operational excellence", severity: .warning,
        equivalents: ["WS1000", "Serverless-LambdaTracing"],
        rationale: "A request that crosses functions, queues and tables is followed end to end only if each step is traced.",
        remedy: "Set tracing: .active."
    ) { template in
        template.resources(ofType: "AWS::Lambda::Function").compactMap { logicalId, function in
            function.properties["TracingConfig"]?["Mode"] == "Active" ? nil : functionTracing.finding(logicalId, "the function is not traced.")
        }
    }
}
