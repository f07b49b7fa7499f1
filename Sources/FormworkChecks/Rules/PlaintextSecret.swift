import FormworkTemplate

extension CheckRule {
    /// Function environments hold no secrets in plain text.
    public static let plaintextSecret: CheckRule = CheckRule(
        id: "lambda-plaintext-secret", summary: "Function environments hold no secrets in plain text.", pillar: "Security", severity: .error,
        rationale: "Environment variables are visible to anyone who may read the function's configuration, and in every template and diff.",
        remedy: "Keep the secret in Secrets Manager or SSM Parameter Store and pass its name; read it at runtime."
    ) { template in
        let secretWords = ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL"]
        return template.resources(ofType: "AWS::Lambda::Function").flatMap { logicalId, function -> [Finding] in
            (function.properties["Environment"]?["Variables"]?.objectValue ?? [:]).compactMap { name, value in
                let upper = name.uppercased()
                guard secretWords.contains(where: upper.contains), case .string(let text) = value, text.count >= 8,
                    !text.hasPrefix("arn:"), !text.hasPrefix("/"), !text.hasPrefix("{{resolve:")
                else { return nil }
                return plaintextSecret.finding(logicalId, "the environment variable \(name) looks like a secret written in plain text.")
            }
        }
    }
}
