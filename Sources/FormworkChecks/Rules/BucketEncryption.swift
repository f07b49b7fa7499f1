import FormworkTemplate

extension CheckRule {
    /// Buckets say how they encrypt, rather than relying on S3's account default.
    public static let bucketEncryption: CheckRule = CheckRule(
        id: "s3-encryption", summary: "Buckets set their encryption.", pillar: "Security", severity: .info,
        rationale: "S3 encrypts new objects by default, but a template that says so is reviewed and kept that way; a customer key needs it written.",
        remedy: "Set an encryption (.s3Managed, the default under the Formwork defaults profile, or .kms for a customer key)."
    ) { template in
        template.resources(ofType: "AWS::S3::Bucket").compactMap { logicalId, bucket in
            bucket.properties["BucketEncryption"] == nil
                ? bucketEncryption.finding(logicalId, "the bucket relies on S3's default encryption instead of setting one.") : nil
        }
    }
}
