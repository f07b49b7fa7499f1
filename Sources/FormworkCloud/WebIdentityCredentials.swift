import Foundation

/// Credentials for a role in exchange for an OpenID Connect token read from a file: `AWS_ROLE_ARN` with
/// `AWS_WEB_IDENTITY_TOKEN_FILE` (GitHub Actions' OIDC role, EKS service accounts), or a profile's
/// `role_arn` with `web_identity_token_file`. The file is read at every refresh: its token rotates.
enum WebIdentityCredentials {
    static func assume(roleArn: String, tokenFile: String, sessionName: String?, environment: AWSEnvironment) async throws(CloudError) -> AWSCredentials {
        let token: String
        do {
            token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw .invalidCredentials(source: "web identity", reason: "cannot read the token file '\(tokenFile)'")
        }
        guard !token.isEmpty else {
            throw .invalidCredentials(source: "web identity", reason: "the token file '\(tokenFile)' is empty")
        }
        let sts = try STSClient(environment: environment, region: try environment.region(fallback: "us-east-1"), credentials: nil)
        return try await sts.assumeRoleWithWebIdentity(roleArn, sessionName: sessionName ?? STSClient.defaultSessionName(), token: token)
    }
}
