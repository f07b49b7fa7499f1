import FormworkTemplate

extension ServerlessRules {
    /// Customer managed keys rotate their key material yearly. Under the CDK defaults profile a `Key` does
    /// not; under Formwork's it does.
    static let keyRotation = CheckRule(id: "kms-key-rotation", summary: "Customer managed keys rotate yearly.", pillar: "Security") { template in
        resources(of: "AWS::KMS::Key", in: template).compactMap { logicalId, key in
            // Asymmetric and HMAC keys cannot rotate automatically.
            let spec = key.properties["KeySpec"]?.stringValue ?? "SYMMETRIC_DEFAULT"
            guard spec == "SYMMETRIC_DEFAULT", key.properties["EnableKeyRotation"] != .bool(true) else { return nil }
            return Finding(rule: "kms-key-rotation", severity: .warning, logicalId: logicalId,
                           message: "the key never rotates: material exposed once stays valid for everything it encrypted since.",
                           fix: "Set enableKeyRotation: true (the default under the Formwork defaults profile).")
        }
    }
}
