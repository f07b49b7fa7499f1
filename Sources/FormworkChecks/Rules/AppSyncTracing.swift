import FormworkTemplate

extension CheckRule {
    /// AppSync APIs are traced.
    public static let appSyncTracing: CheckRule = CheckRule(
        id: "appsync-tracing", summary: "GraphQL APIs are traced.", pillar: "Operational excellence", severity: .warning,
        equivalents: ["WS3000", "Serverless-AppSyncTracing"],
        rationale: "A resolver calling data sources is followed end to end only with X-Ray.",
        remedy: "Set XrayEnabled: true on the GraphQL API."
    ) { template in
        template.resources(ofType: "AWS::AppSync::GraphQLApi").compactMap { logicalId, api in
            api.properties["XrayEnabled"] == .bool(true) ? nil : appSyncTracing.finding(logicalId, "the API is not traced.")
        }
    }
}
