import FormworkTemplate

extension CheckRule {
    /// Identity policies grant named actions, never `*` or `service:*`.
    public static let wildcardActions: CheckRule = CheckRule(
        id: "iam-wildcard-action", summary: "Policies grant named actions, not wildcards.", pillar: "Security", severity: .error,
        equivalents: ["WS1003", "Serverless-LambdaStarPermissions", "AwsSolutions-IAM5"],
        rationale: "A wildcard grants every action of the service, present and future: least privilege means naming what the code calls.",
        remedy: "Grant the actions the code calls (a construct's grant(_:to:) grants its action set)."
    ) { template in
        template.identityStatements.compactMap { logicalId, statement in
            guard statement["Effect"] == "Allow", let wildcard = (statement["Action"]?.strings ?? []).first(where: { $0 == "*" || $0.hasSuffix(":*") }) else {
                return nil
            }
            return wildcardActions.finding(logicalId, "a statement allows '\(wildcard)': every action of the service, present and future.")
        }
    }
}
