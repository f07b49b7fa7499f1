import FormworkTemplate

extension CheckRule {
    /// Provisioned tables scale their capacity.
    public static let provisionedTableScaling: CheckRule = CheckRule(
        id: "dynamodb-provisioned-scaling", summary: "Provisioned tables scale their capacity.", pillar: "Cost optimization", severity: .warning,
        rationale: "Fixed capacity throttles traffic above it and is paid for below it; scaling (or on-demand billing) follows the load.",
        remedy: "Set readScaling: and writeScaling:, or billing: .onDemand."
    ) { template in
        let scaled = Set(
            template.resources(ofType: "AWS::ApplicationAutoScaling::ScalableTarget").flatMap { _, target in
                target.properties["ResourceId"]?.referencedLogicalIds.elements ?? []
            })
        return template.resources(ofType: "AWS::DynamoDB::Table").compactMap { logicalId, table in
            let provisioned = table.properties["BillingMode"]?.stringValue != "PAY_PER_REQUEST" && table.properties["ProvisionedThroughput"] != nil
            return provisioned && !scaled.contains(logicalId)
                ? provisionedTableScaling.finding(logicalId, "the table has fixed provisioned capacity.") : nil
        }
    }
}
