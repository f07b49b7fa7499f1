import FormworkTemplate

extension CheckRule {
    /// API stages set default throttling limits.
    public static let apiDefaultThrottling: CheckRule = CheckRule(
        id: "apigateway-default-throttling", summary: "API stages set throttling limits.", pillar: "Reliability", severity: .warning,
        equivalents: ["ES2003", "Serverless-APIGWDefaultThrottling"],
        rationale: "Without limits of its own an API takes the account-wide quota: one noisy client slows every API of the account.",
        remedy: "Set deploy: .init(throttlingRateLimit: ..., throttlingBurstLimit: ...) (or the HttpApi throttling options)."
    ) { template in
        var findings: [Finding] = []
        for (logicalId, stage) in template.resources(ofType: "AWS::ApiGateway::Stage") {
            let settings = (stage.properties["MethodSettings"].map(JSONValue.list) ?? []).first { $0["HttpMethod"] == "*" && $0["ResourcePath"] == "/*" }
            if settings?["ThrottlingBurstLimit"] == nil || settings?["ThrottlingRateLimit"] == nil {
                findings.append(apiDefaultThrottling.finding(logicalId, "the stage has no default throttling limits (MethodSettings for */*)."))
            }
        }
        for (logicalId, stage) in template.resources(ofType: "AWS::ApiGatewayV2::Stage") {
            let settings = stage.properties["DefaultRouteSettings"]
            if settings?["ThrottlingBurstLimit"] == nil || settings?["ThrottlingRateLimit"] == nil {
                findings.append(apiDefaultThrottling.finding(logicalId, "the stage has no default route throttling."))
            }
        }
        return findings
    }
}
