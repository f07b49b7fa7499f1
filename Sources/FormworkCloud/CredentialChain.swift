import Foundation

/// Credentials found where the AWS SDKs look, in their order:
///
/// 1. the environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), unless `--profile`
///    names a profile;
/// 2. the profile's role (`role_arn` with `source_profile`, `credential_source` or `web_identity_token_file`);
/// 3. web identity (`AWS_ROLE_ARN` with `AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_SESSION_NAME`);
/// 4. the profile's static keys, then its `credential_process`;
/// 5. the container credentials endpoint;
/// 6. the EC2 instance metadata service (IMDSv2).
///
/// ```swift
/// let credentials = CredentialChain.credentials(AWSEnvironment(profile: "ci"))
/// let keys = try await credentials.current()
/// ```
public enum CredentialChain {
    /// Credentials resolved through the chain now and again before they expire.
    public static func credentials(_ environment: AWSEnvironment) -> RefreshingCredentials {
        RefreshingCredentials { () async throws(CloudError) -> AWSCredentials in try await resolve(environment) }
    }

    /// The first credentials the chain finds.
    public static func resolve(_ environment: AWSEnvironment) async throws(CloudError) -> AWSCredentials {
        try environment.files.checkReadable()
        if environment.profileOption == nil, let credentials = try EnvironmentCredentials.read(environment) {
            return credentials
        }
        let profileNamed = environment.profileOption ?? environment.nonEmpty("AWS_PROFILE") ?? environment.nonEmpty("AWS_DEFAULT_PROFILE")
        let profileName = environment.profileName
        let profileExists = environment.files.profiles[profileName] != nil
        if profileNamed != nil, !profileExists {
            throw .configuration("the profile '\(profileName)' is not in the AWS config or credentials file; check --profile, AWS_PROFILE, AWS_CONFIG_FILE")
        }
        let profile = environment.profile
        if profileExists, profile["role_arn"] != nil, let credentials = try await ProfileCredentials.resolve(profileName, environment: environment) {
            return credentials
        }
        if let roleArn = environment.nonEmpty("AWS_ROLE_ARN"), let tokenFile = environment.nonEmpty("AWS_WEB_IDENTITY_TOKEN_FILE") {
            return try await WebIdentityCredentials.assume(
                roleArn: roleArn, tokenFile: tokenFile, sessionName: environment.nonEmpty("AWS_ROLE_SESSION_NAME"),
                environment: environment)
        }
        if profileExists, let credentials = try await ProfileCredentials.resolve(profileName, environment: environment) {
            return credentials
        }
        if let url = try ContainerCredentials.endpoint(environment) {
            return try await ContainerCredentials.fetch(from: url, environment: environment)
        }
        if let credentials = try await InstanceMetadataCredentials.fetch(environment) {
            return credentials
        }
        throw .noCredentials(searched: [
            "environment", "web identity (AWS_ROLE_ARN)", "profile \(profileName)", "container endpoint", "EC2 instance metadata",
        ])
    }
}
