import FormworkTemplate

extension CheckRule {
    /// Buckets block all four kinds of public access.
    public static let bucketPublicAccess: CheckRule = CheckRule(
        id: "s3-public-access", summary: "Buckets block public access.", pillar: "Security", severity: .error, equivalents: ["AwsSolutions-S2"],
        rationale: "A bucket policy or ACL can make objects public by mistake; the block refuses that at the bucket.",
        remedy: "Set blockPublicAccess: true (the default under the Formwork defaults profile)."
    ) { template in
        template.resources(ofType: "AWS::S3::Bucket").compactMap { logicalId, bucket in
            let block = bucket.properties["PublicAccessBlockConfiguration"]
            let all = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"].allSatisfy { block?[$0] == .bool(true) }
            return all ? nil : bucketPublicAccess.finding(logicalId, "the bucket does not block all public access.")
        }
    }
}
