import FormworkTemplate

extension CheckRule {
    /// REST API stages are traced.
    public static let stageTracing: CheckRule = CheckRule(
        id: "apigateway-tracing", summary: "API stages are traced.", pillar: "Operational excellence", severity: .info,
        equivalents: ["WS2002", "Serverless-APIGWXrayEnabled"],
        rationale: "Tracing at the stage shows where a request's time goes before it reaches a function.",
        remedy: "Set deploy: .init(tracing: true)."
    ) { template in
        template.resources(ofType: "AWS::ApiGateway::Stage").compactMap { logicalId, stage in
            stage.properties["TracingEnabled"] == .bool(true) ? nil : stageTracing.finding(logicalId, "the stage is not traced.")
        }
    }
}
