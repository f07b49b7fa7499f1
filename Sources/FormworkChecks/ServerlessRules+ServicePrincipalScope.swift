import FormworkTemplate

extension ServerlessRules {
    /// Resource policies let an AWS service in only for a named source (`aws:SourceArn`, `aws:SourceAccount`):
    /// otherwise any account's resource of that service can act through the policy (the confused deputy).
    /// Under the CDK defaults profile a topic's policy for a rule target has no condition; under Formwork's it
    /// names the rule.
    static let servicePrincipalScope = CheckRule(
        id: "service-principal-source", summary: "Resource policies name the source a service acts for.", pillar: "Security"
    ) { template in
        let policyTypes = ["AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy", "AWS::S3::BucketPolicy", "AWS::Events::EventBusPolicy"]
        return template.resources.flatMap { logicalId, resource -> [Finding] in
            guard policyTypes.contains(resource.type) else { return [] }
            let statements = resource.properties["PolicyDocument"]?["Statement"]?.arrayValue ?? []
            return statements.compactMap { statement in
                guard statement["Effect"] == "Allow", let service = statement["Principal"]?["Service"], !hasSourceCondition(statement["Condition"]) else {
                    return nil
                }
                let names = strings(service).joined(separator: ", ")
                return Finding(rule: "service-principal-source", severity: .warning, logicalId: logicalId,
                               message: "the policy lets \(names) act for any source: a resource of that service in another account can use it too.",
                               fix: "Add a condition on aws:SourceArn or aws:SourceAccount (the Formwork defaults profile names the source).")
            }
        }
    }

    /// Whether a condition block names the source: `aws:SourceArn`, `aws:SourceAccount`, `aws:SourceOwner`
    /// under any operator.
    private static func hasSourceCondition(_ condition: JSONValue?) -> Bool {
        let sourceKeys: Set<String> = ["aws:sourcearn", "aws:sourceaccount", "aws:sourceowner"]
        return (condition?.objectValue ?? [:]).values.contains { keys in
            (keys.objectValue ?? [:]).keys.contains { sourceKeys.contains($0.lowercased()) }
        }
    }
}
