import FormworkTemplate

extension CheckRule {
    /// EventBridge connections take their credentials from Secrets Manager, not from the template.
    public static let connectionPlaintextCredential: CheckRule = CheckRule(
        id: "connection-plaintext-credential", summary: "Connections take their credentials from a secret, not from the template.",
        pillar: "Security", severity: .error,
        rationale: "An API key, password or client secret written in the template is readable by anyone who may read the stack, its diffs and its history.",
        remedy: "Keep the credential in Secrets Manager and pass a dynamic reference (secret.secretValue(field:))."
    ) { template in
        template.resources(ofType: "AWS::Events::Connection").flatMap { logicalId, connection -> [Finding] in
            let parameters = connection.properties["AuthParameters"]
            let credentials: [(String, JSONValue?)] = [
                ("ApiKeyValue", parameters?["ApiKeyAuthParameters"]?["ApiKeyValue"]),
                ("Password", parameters?["BasicAuthParameters"]?["Password"]),
                ("ClientSecret", parameters?["OAuthParameters"]?["ClientParameters"]?["ClientSecret"]),
            ]
            return credentials.compactMap { name, value in
                guard case .string(let text)? = value, !text.contains("{{resolve:") else { return nil }
                return connectionPlaintextCredential.finding(logicalId, "the connection's \(name) is written in the template in plain text.")
            }
        }
    }
}
