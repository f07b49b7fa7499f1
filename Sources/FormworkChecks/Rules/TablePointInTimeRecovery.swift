import FormworkTemplate

extension CheckRule {
    /// Tables keep point-in-time recovery on.
    public static let tablePointInTimeRecovery: CheckRule = CheckRule(
        id: "dynamodb-point-in-time-recovery", summary: "Tables can be restored to any point in time.", pillar: "Reliability", severity: .warning,
        equivalents: ["AwsSolutions-DDB3"],
        rationale: "A bad deploy or a bug that overwrites items is undone only by restoring a point in time.",
        remedy: "Set pointInTimeRecovery: true."
    ) { template in
        template.resources(ofType: "AWS::DynamoDB::Table").compactMap { logicalId, table in
            table.properties["PointInTimeRecoverySpecification"]?["PointInTimeRecoveryEnabled"] == .bool(true)
                ? nil : tablePointInTimeRecovery.finding(logicalId, "the table cannot be restored after a bad write.")
        }
    }
}
