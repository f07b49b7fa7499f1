import FormworkCore

/// What a grant on a string parameter allows, with CDK's action sets.
public enum StringParameterGrant: String, Sendable {
    /// Read the parameter: `ssm:DescribeParameters, GetParameters, GetParameter, GetParameterHistory`.
    case read
    /// Change it: `ssm:PutParameter`.
    case write

    var actions: [String] {
        switch self {
        case .read: ["ssm:DescribeParameters", "ssm:GetParameters", "ssm:GetParameter", "ssm:GetParameterHistory"]
        case .write: ["ssm:PutParameter"]
        }
    }
}

extension StringParameter {
    /// A grant of `access` to this parameter for `principal`'s role; list the result in a body.
    public func grant(_ access: StringParameterGrant, to principal: some GrantPrincipal) -> Grant {
        Grant(
            id: "\(principal.id)Can\(access.rawValue)\(id)", resource: self, principal: principal,
            statements: [PolicyStatement(actions: access.actions, resources: [arn])])
    }
}
