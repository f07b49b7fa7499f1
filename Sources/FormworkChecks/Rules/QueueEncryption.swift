import FormworkTemplate

extension CheckRule {
    /// Queues keep SQS's server-side encryption on.
    public static let queueEncryption: CheckRule = CheckRule(
        id: "sqs-encryption", summary: "Queues are encrypted.", pillar: "Security", severity: .error, equivalents: ["AwsSolutions-SQS2"],
        rationale: "Messages often carry personal or business data; SQS encrypts at rest unless told not to.",
        remedy: "Remove encryption: .unencrypted (SQS-managed encryption is the default)."
    ) { template in
        template.resources(ofType: "AWS::SQS::Queue").compactMap { logicalId, queue in
            queue.properties["SqsManagedSseEnabled"] == .bool(false) ? queueEncryption.finding(logicalId, "the queue is not encrypted.") : nil
        }
    }
}
