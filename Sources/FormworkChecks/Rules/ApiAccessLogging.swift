import FormworkTemplate

extension CheckRule {
    /// API stages write access logs.
    public static let apiAccessLogging: CheckRule = CheckRule(
        id: "apigateway-access-logging", summary: "API stages write access logs.", pillar: "Operational excellence", severity: .warning,
        equivalents: ["ES2000", "Serverless-APIGWAccessLogging", "AwsSolutions-APIG1"],
        rationale: "Access logs are the record of who called what and how it went; without them an incident has no trail.",
        remedy: "Set deploy: .init(accessLog: (destination: logGroup, format: ...)) on the RestApi."
    ) { template in
        let stages =
            template.resources(ofType: "AWS::ApiGateway::Stage").map { ($0, $1, "AccessLogSetting") }
            + template.resources(ofType: "AWS::ApiGatewayV2::Stage").map { ($0, $1, "AccessLogSettings") }
        return stages.compactMap { logicalId, stage, key in
            stage.properties[key]?["DestinationArn"] == nil ? apiAccessLogging.finding(logicalId, "the stage writes no access log.") : nil
        }
    }
}
