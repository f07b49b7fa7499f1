import FormworkTemplate

extension CheckRule {
    /// Kinesis streams are encrypted.
    public static let streamEncryption: CheckRule = CheckRule(
        id: "kinesis-encryption", summary: "Streams are encrypted.", pillar: "Security", severity: .error, equivalents: ["AwsSolutions-KDS1"],
        rationale: "Records stay in the stream for a day or more; without server-side encryption they are stored in clear text.",
        remedy: "Leave encryption unset (CDK's default) or set .managed or .kms."
    ) { template in
        template.resources(ofType: "AWS::Kinesis::Stream").compactMap { logicalId, stream in
            stream.properties["StreamEncryption"] != nil ? nil : streamEncryption.finding(logicalId, "the stream is not encrypted.")
        }
    }
}
