import FormworkTemplate

extension CheckRule {
    /// Symmetric customer managed keys rotate yearly. Under the CDK defaults profile a `Key` does not.
    public static let keyRotation: CheckRule = CheckRule(
        id: "kms-key-rotation", summary: "Customer managed keys rotate yearly.", pillar: "Security", severity: .warning,
        equivalents: ["AwsSolutions-KMS5"],
        rationale: "Key material that never rotates stays valid for everything it ever encrypted if it is exposed once.",
        remedy: "Set enableKeyRotation: true (the default under the Formwork defaults profile)."
    ) { template in
        template.resources(ofType: "AWS::KMS::Key").compactMap { logicalId, key in
            // Asymmetric and HMAC keys cannot rotate automatically.
            let spec = key.properties["KeySpec"]?.stringValue ?? "SYMMETRIC_DEFAULT"
            guard spec == "SYMMETRIC_DEFAULT", key.properties["EnableKeyRotation"] != .bool(true) else { return nil }
            return keyRotation.finding(logicalId, "the key never rotates: material exposed once stays valid for everything it encrypted since.")
        }
    }
}
