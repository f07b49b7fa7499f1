import FormworkTemplate

extension CheckRule {
    /// API access logs are JSON, so that they can be queried.
    public static let apiStructuredLogging: CheckRule = CheckRule(
        id: "apigateway-structured-logging", summary: "API access logs are structured (JSON).", pillar: "Operational excellence", severity: .info,
        equivalents: ["WS2001", "Serverless-APIGWStructuredLogging"],
        rationale: "JSON access logs are queried field by field with CloudWatch Logs Insights; free text is not.",
        remedy: "Give the access log a JSON format of $context variables."
    ) { template in
        let stages =
            template.resources(ofType: "AWS::ApiGateway::Stage").map { ($0, $1, "AccessLogSetting") }
            + template.resources(ofType: "AWS::ApiGatewayV2::Stage").map { ($0, $1, "AccessLogSettings") }
        return stages.compactMap { logicalId, stage, key in
            guard let format = stage.properties[key]?["Format"]?.stringValue, !AccessLogFormat.isJSON(format) else { return nil }
            return apiStructuredLogging.finding(logicalId, "the stage's access log format is not JSON.")
        }
    }
}
