import FormworkTemplate

extension CheckRule {
    /// Event bus policies do not let everyone put events.
    public static let openEventBus: CheckRule = CheckRule(
        id: "eventbridge-bus-open", summary: "Event buses do not accept events from everyone.", pillar: "Security", severity: .error,
        rationale: "A bus that allows any principal without a condition takes events from any AWS account.",
        remedy: "Allow named accounts (allowPutEventsFromAccounts:) or add an aws:PrincipalOrgID condition."
    ) { template in
        var findings: [Finding] = []
        for (logicalId, resource) in template.resources where ["AWS::Events::EventBusPolicy", "AWS::Events::EventBus"].contains(resource.type) {
            var statements = resource.properties["Statement"].map(JSONValue.list) ?? []
            statements += resource.properties["Policy"]?["Statement"].map(JSONValue.list) ?? []
            if resource.properties["Principal"] == "*", resource.properties["Condition"] == nil { statements.append(["Effect": "Allow", "Principal": "*"]) }
            let open = statements.contains { statement in
                statement["Effect"] == "Allow" && statement["Condition"] == nil
                    && (statement["Principal"] == "*" || statement["Principal"]?["AWS"]?.strings.contains("*") == true)
            }
            if open { findings.append(openEventBus.finding(logicalId, "the bus accepts events from any account.")) }
        }
        return findings
    }
}
