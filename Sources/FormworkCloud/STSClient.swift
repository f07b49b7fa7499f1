import Foundation

/// The AWS Security Token Service calls Formwork makes: who am I, and the role assumptions of the credential
/// chain.
public struct STSClient: Sendable {
    let query: AWSQueryClient

    /// A client for STS in `region` as `environment` reaches it, signing with `credentials` (`nil` for the
    /// unsigned `AssumeRoleWithWebIdentity`).
    public init(environment: AWSEnvironment, region: String, credentials: RefreshingCredentials?) throws(CloudError) {
        query = AWSQueryClient(
            service: "sts", version: "2011-06-15", endpoint: try environment.endpoint(for: "sts", region: region),
            region: region, credentials: credentials, transport: environment.transport, retry: environment.retry)
    }

    /// The account and ARN the credentials act as.
    public struct CallerIdentity: Sendable, Equatable {
        /// The 12-digit ID of the account the credentials belong to (`Account`).
        public var account: String
        /// The ARN they act as (`Arn`): an IAM user, or an assumed role's session,
        /// `arn:aws:sts::<account>:assumed-role/<role>/<session>`.
        public var arn: String
        /// The unique ID of the caller (`UserId`): an IAM user's ID, or `<role ID>:<session name>` for a role.
        public var userId: String
    }

    /// Who the client's credentials are (`GetCallerIdentity`); needs no permission.
    public func callerIdentity() async throws(CloudError) -> CallerIdentity {
        let result = try await query.call("GetCallerIdentity")
        return CallerIdentity(account: result.string("Account") ?? "", arn: result.string("Arn") ?? "", userId: result.string("UserId") ?? "")
    }

    /// Temporary credentials for `roleArn`, signed by this client's credentials.
    public func assumeRole(_ roleArn: String, sessionName: String, externalId: String? = nil, durationSeconds: Int? = nil) async throws(CloudError)
        -> AWSCredentials
    {
        var parameters = [("RoleArn", roleArn), ("RoleSessionName", sessionName)]
        if let externalId { parameters.append(("ExternalId", externalId)) }
        if let durationSeconds { parameters.append(("DurationSeconds", String(durationSeconds))) }
        return try credentials(in: try await query.call("AssumeRole", parameters), action: "AssumeRole", source: "role \(roleArn)")
    }

    /// Temporary credentials for `roleArn` in exchange for an OpenID Connect token (GitHub Actions' OIDC token,
    /// an EKS service account's token); the request is not signed.
    public func assumeRoleWithWebIdentity(_ roleArn: String, sessionName: String, token: String) async throws(CloudError) -> AWSCredentials {
        let result = try await query.call("AssumeRoleWithWebIdentity", [("RoleArn", roleArn), ("RoleSessionName", sessionName), ("WebIdentityToken", token)])
        return try credentials(in: result, action: "AssumeRoleWithWebIdentity", source: "web identity for \(roleArn)")
    }

    private func credentials(in result: XMLTree, action: String, source: String) throws(CloudError) -> AWSCredentials {
        guard let element = result["Credentials"], let keyId = element.string("AccessKeyId"), let secret = element.string("SecretAccessKey") else {
            throw .invalidResponse(service: "sts", action: action, reason: "the answer has no Credentials")
        }
        return AWSCredentials(
            accessKeyId: keyId, secretAccessKey: secret, sessionToken: element.string("SessionToken"),
            expiration: element.string("Expiration").flatMap(ISO8601Timestamp.parse), source: source)
    }

    /// A session name for an assumed role: `formwork-<seconds since 1970>`.
    public static func defaultSessionName(now: Date = Date()) -> String {
        "formwork-\(Int(now.timeIntervalSince1970))"
    }
}
