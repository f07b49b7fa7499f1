import FormworkTemplate

extension CheckRule {
    /// Topics encrypt their messages at rest with KMS.
    public static let topicEncryption: CheckRule = CheckRule(
        id: "sns-encryption", summary: "Topics are encrypted with KMS.", pillar: "Security", severity: .warning, equivalents: [],
        rationale: "SNS stores messages until they are delivered; without a key they are stored unencrypted.",
        remedy: "Set masterKey: \"alias/aws/sns\" or a customer key."
    ) { template in
        template.resources(ofType: "AWS::SNS::Topic").compactMap { logicalId, topic in
            topic.properties["KmsMasterKeyId"] == nil ? topicEncryption.finding(logicalId, "the topic's messages are not encrypted at rest.") : nil
        }
    }
}
