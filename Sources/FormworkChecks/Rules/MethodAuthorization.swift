import FormworkTemplate

extension CheckRule {
    /// API methods and routes say who may call them.
    public static let methodAuthorization: CheckRule = CheckRule(
        id: "apigateway-authorization", summary: "API methods are authorized.", pillar: "Security", severity: .warning,
        equivalents: ["AwsSolutions-APIG4"],
        rationale: "A method without authorization is open to the internet; that is right for a public endpoint and a mistake for anything else.",
        remedy: "Set authorization: .iam on the route (or an authorizer), or suppress the finding for a public endpoint with a reason."
    ) { template in
        let methods = template.resources(ofType: "AWS::ApiGateway::Method").filter { $0.resource.properties["HttpMethod"] != "OPTIONS" }
        let routes = template.resources(ofType: "AWS::ApiGatewayV2::Route")
        return (methods + routes).compactMap { logicalId, method in
            let type = method.properties["AuthorizationType"]?.stringValue ?? "NONE"
            return type == "NONE" ? methodAuthorization.finding(logicalId, "anyone may call the method.") : nil
        }
    }
}
