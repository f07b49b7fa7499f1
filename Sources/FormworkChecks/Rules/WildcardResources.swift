import FormworkTemplate

extension CheckRule {
    /// Identity policies name their resources, except for actions that only take `*`.
    public static let wildcardResources: CheckRule = CheckRule(
        id: "iam-wildcard-resource", summary: "Identity policies name their resources.", pillar: "Security", severity: .warning,
        equivalents: ["AwsSolutions-IAM5"],
        rationale: "A statement on every resource reaches data the code never needs, in this stack and any other.",
        remedy: "Name the resources (grants of constructs do); keep * only for actions that support nothing else."
    ) { template in
        template.identityStatements.compactMap { logicalId, statement in
            let actions = statement["Action"]?.strings ?? []
            guard statement["Effect"] == "Allow", statement["Resource"]?.strings.contains("*") == true,
                !actions.allSatisfy(actionsWithoutResources.contains)
            else { return nil }
            return wildcardResources.finding(logicalId, "a statement allows \(actions.joined(separator: ", ")) on every resource.")
        }
    }

    /// Actions that take no resource but `*` (the Service Authorization Reference lists no resource type for
    /// them), among those the constructs grant.
    static let actionsWithoutResources: Set<String> = [
        "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
        "logs:CreateLogGroup", "cloudwatch:PutMetricData",
        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
        "states:ListActivities", "states:DescribeStateMachine", "states:DescribeActivity",
        "dynamodb:ListStreams", "secretsmanager:GetRandomPassword",
        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
        "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
    ]
}
