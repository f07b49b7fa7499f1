import FormworkTemplate

extension CheckRule {
    /// Buckets refuse requests that do not use TLS.
    public static let bucketTLS: CheckRule = CheckRule(
        id: "s3-tls", summary: "Buckets refuse requests without TLS.", pillar: "Security", severity: .warning, equivalents: ["AwsSolutions-S10"],
        rationale: "Without a policy that denies aws:SecureTransport false, objects can be read and written in clear text.",
        remedy: "Set enforceSSL: true (the default under the Formwork defaults profile)."
    ) { template in
        let enforced = Set(
            template.resources(ofType: "AWS::S3::BucketPolicy").compactMap { _, policy -> String? in
                let denies = (policy.properties["PolicyDocument"]?["Statement"].map(JSONValue.list) ?? []).contains {
                    $0["Effect"] == "Deny" && $0["Condition"]?["Bool"]?["aws:SecureTransport"] != nil
                }
                return denies ? policy.properties["Bucket"]?.referencedLogicalIds.first : nil
            })
        return template.resources(ofType: "AWS::S3::Bucket").compactMap { logicalId, _ in
            enforced.contains(logicalId) ? nil : bucketTLS.finding(logicalId, "the bucket accepts requests without TLS.")
        }
    }
}
