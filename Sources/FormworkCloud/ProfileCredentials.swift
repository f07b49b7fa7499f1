import Foundation

/// Credentials a named profile of the shared files gives: a role to assume (`role_arn` with `source_profile`,
/// `credential_source` or `web_identity_token_file`), static keys, a `credential_process`, or an IAM
/// Identity Center sign-in (`sso_session` or `sso_start_url`).
enum ProfileCredentials {
    /// The longest chain of profiles naming each other as `source_profile`: 16. Real chains are two or
    /// three roles long; a longer one is a mistake, and would take as many role assumptions.
    static let maximumChainLength = 16

    /// The profile's credentials; `nil` when the profile gives none (the chain goes on).
    static func resolve(_ name: String, environment: AWSEnvironment, visited: [String] = []) async throws(CloudError) -> AWSCredentials? {
        guard visited.count < maximumChainLength else {
            throw .configuration(
                "the profiles \(visited.prefix(3).joined(separator: " → ")) → … name each other as source_profile more than \(maximumChainLength) deep; shorten the chain"
            )
        }
        guard let settings = environment.files.profiles[name] else {
            throw .configuration("the profile '\(name)' is not in the AWS config or credentials file; check --profile, AWS_PROFILE, AWS_CONFIG_FILE")
        }
        if let roleArn = settings["role_arn"] {
            return try await assumeRole(roleArn, profile: name, settings: settings, environment: environment, visited: visited + [name])
        }
        if let credentials = try staticKeys(name, settings) { return credentials }
        if let command = settings["credential_process"] {
            return try await ProcessCredentials.run(command, profile: name)
        }
        if settings["sso_start_url"] != nil || settings["sso_session"] != nil {
            return try await SSOCredentials.resolve(profile: name, settings: settings, environment: environment)
        }
        return nil
    }

    private static func staticKeys(_ name: String, _ settings: [String: String]) throws(CloudError) -> AWSCredentials? {
        switch (settings["aws_access_key_id"], settings["aws_secret_access_key"]) {
        case (nil, nil):
            return nil
        case (let keyId?, let secret?):
            return AWSCredentials(accessKeyId: keyId, secretAccessKey: secret, sessionToken: settings["aws_session_token"], source: "profile \(name)")
        default:
            throw .invalidCredentials(source: "profile \(name)", reason: "it sets only one of aws_access_key_id and aws_secret_access_key; set both")
        }
    }

    private static func assumeRole(
        _ roleArn: String, profile name: String, settings: [String: String], environment: AWSEnvironment,
        visited: [String]
    ) async throws(CloudError) -> AWSCredentials {
        let sessionName = settings["role_session_name"]
        if let tokenFile = settings["web_identity_token_file"] {
            return try await WebIdentityCredentials.assume(roleArn: roleArn, tokenFile: tokenFile, sessionName: sessionName, environment: environment)
        }
        let source: AWSCredentials
        if let sourceProfile = settings["source_profile"] {
            if sourceProfile == name, let keys = try staticKeys(name, settings) {
                source = keys
            } else {
                guard !visited.contains(sourceProfile) else {
                    throw .configuration("the profiles \((visited + [sourceProfile]).joined(separator: " → ")) name each other as source_profile in a loop")
                }
                guard let resolved = try await resolve(sourceProfile, environment: environment, visited: visited) else {
                    throw .invalidCredentials(source: "profile \(name)", reason: "its source_profile '\(sourceProfile)' has no credentials")
                }
                source = resolved
            }
        } else if let credentialSource = settings["credential_source"] {
            source = try await credentials(from: credentialSource, profile: name, environment: environment)
        } else {
            throw .invalidCredentials(source: "profile \(name)", reason: "it has role_arn but no source_profile, credential_source or web_identity_token_file")
        }
        let sourceCredentials = RefreshingCredentials { source }
        let sts = try STSClient(environment: environment, region: try environment.region(fallback: "us-east-1"), credentials: sourceCredentials)
        return try await sts.assumeRole(
            roleArn, sessionName: sessionName ?? STSClient.defaultSessionName(), externalId: settings["external_id"],
            durationSeconds: settings["duration_seconds"].flatMap { Int($0) })
    }

    private static func credentials(from credentialSource: String, profile: String, environment: AWSEnvironment) async throws(CloudError) -> AWSCredentials {
        let found: AWSCredentials?
        switch credentialSource {
        case "Environment": found = try EnvironmentCredentials.read(environment)
        case "EcsContainer":
            found = try await ContainerCredentials.endpoint(environment).asyncMap { (url: URL) async throws(CloudError) -> AWSCredentials in
                try await ContainerCredentials.fetch(from: url, environment: environment)
            }
        case "Ec2InstanceMetadata": found = try await InstanceMetadataCredentials.fetch(environment)
        default:
            throw .invalidCredentials(
                source: "profile \(profile)", reason: "credential_source '\(credentialSource)' is not Environment, EcsContainer or Ec2InstanceMetadata")
        }
        guard let found else {
            throw .invalidCredentials(source: "profile \(profile)", reason: "its credential_source \(credentialSource) has no credentials")
        }
        return found
    }
}

extension Optional {
    /// The wrapped value transformed by an async function.
    func asyncMap<T>(_ transform: (Wrapped) async throws(CloudError) -> T) async throws(CloudError) -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
