import FormworkCore

/// What a grant on a secret allows, with CDK's action sets.
public enum SecretGrant: String, Sendable {
    /// Read the value: `secretsmanager:GetSecretValue, DescribeSecret`.
    case read
    /// Change it: `secretsmanager:PutSecretValue, UpdateSecret, UpdateSecretVersionStage`.
    case write

    var actions: [String] {
        switch self {
        case .read: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        case .write: ["secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret", "secretsmanager:UpdateSecretVersionStage"]
        }
    }
}

extension Secret {
    /// A grant of `access` to this secret for `principal`'s role; list the result in a body.
    public func grant(_ access: SecretGrant, to principal: some GrantPrincipal) -> Grant {
        Grant(
            id: "\(principal.id)Can\(access.rawValue)\(id)", resource: self, principal: principal,
            statements: [PolicyStatement(actions: access.actions, resources: [arn])])
    }
}
