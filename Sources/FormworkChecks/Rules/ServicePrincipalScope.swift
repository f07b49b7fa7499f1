import FormworkTemplate

extension CheckRule {
    /// Resource policies let an AWS service in only for a named source. Under the CDK defaults profile a
    /// topic's policy for a rule target names none.
    public static let servicePrincipalScope: CheckRule = CheckRule(
        id: "service-principal-source", summary: "Resource policies name the source a service acts for.", pillar: "Security", severity: .warning,
        rationale: "A service principal without aws:SourceArn or aws:SourceAccount lets that service act for any account's resource: the confused deputy.",
        remedy: "Add a condition on aws:SourceArn or aws:SourceAccount (the Formwork defaults profile names the source)."
    ) { template in
        let policyTypes: Set<String> = ["AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy", "AWS::S3::BucketPolicy", "AWS::Events::EventBusPolicy"]
        let sourceKeys: Set<String> = ["aws:sourcearn", "aws:sourceaccount", "aws:sourceowner"]
        return template.resources.flatMap { logicalId, resource -> [Finding] in
            guard policyTypes.contains(resource.type) else { return [] }
            return (resource.properties["PolicyDocument"]?["Statement"].map(JSONValue.list) ?? []).compactMap { statement in
                let names = statement["Principal"]?["Service"]?.strings ?? []
                let scoped = (statement["Condition"]?.objectValue ?? [:]).values.contains { keys in
                    (keys.objectValue ?? [:]).keys.contains { sourceKeys.contains($0.lowercased()) }
                }
                guard statement["Effect"] == "Allow", !names.isEmpty, !scoped else { return nil }
                return servicePrincipalScope.finding(
                    logicalId,
                    "the policy lets \(names.joined(separator: ", ")) act for any source: a resource of that service in another account can use it too.")
            }
        }
    }
}
