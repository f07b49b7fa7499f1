import Foundation

/// Credentials of an EC2 instance's role from the instance metadata service, version 2 (a session token
/// first, then the role's credentials). Off when `AWS_EC2_METADATA_DISABLED=true`; the endpoint may be moved
/// with `AWS_EC2_METADATA_SERVICE_ENDPOINT`. Quick to give up: off EC2, nothing answers.
enum InstanceMetadataCredentials {
    struct Answer: Decodable {
        var Code: String?
        var AccessKeyId: String
        var SecretAccessKey: String
        var Token: String?
        var Expiration: String?
    }

    static let credentialsPath = "/latest/meta-data/iam/security-credentials/"

    /// The instance role's credentials; `nil` when no metadata service answers (not on EC2).
    static func fetch(_ environment: AWSEnvironment) async throws(CloudError) -> AWSCredentials? {
        if environment.nonEmpty("AWS_EC2_METADATA_DISABLED")?.lowercased() == "true" { return nil }
        let base = environment.nonEmpty("AWS_EC2_METADATA_SERVICE_ENDPOINT") ?? "http://169.254.169.254"
        guard let root = URL(string: base.hasSuffix("/") ? String(base.dropLast()) : base) else {
            throw .configuration("AWS_EC2_METADATA_SERVICE_ENDPOINT '\(base)' is not a URL")
        }
        let policy = RetryPolicy(maxAttempts: 2, baseDelay: 0.1, maxDelay: 0.5, timeout: 1)
        func send(_ method: String, _ path: String, _ headers: [String: String]) async throws(CloudError) -> HTTPResponse {
            let request = HTTPRequest(method: method, url: URL(string: root.absoluteString + path)!, headers: headers)
            return try await policy.run { () async throws(CloudError) -> HTTPResponse in
                try await environment.transport.send(request, timeout: policy.timeout)
            }
        }
        let tokenResponse: HTTPResponse
        do {
            tokenResponse = try await send("PUT", "/latest/api/token", ["X-aws-ec2-metadata-token-ttl-seconds": "21600"])
        } catch {
            return nil
        }
        guard tokenResponse.status == 200 else { return nil }
        let tokenHeader = ["X-aws-ec2-metadata-token": String(decoding: tokenResponse.body, as: UTF8.self)]
        let roles = try await send("GET", credentialsPath, tokenHeader)
        guard roles.status == 200, let role = String(decoding: roles.body, as: UTF8.self).split(whereSeparator: \.isNewline).first else {
            throw .invalidCredentials(source: "instance metadata", reason: "the instance has no IAM role (instance profile)")
        }
        let answer = try await send("GET", credentialsPath + role, tokenHeader)
        guard answer.status == 200, let parsed = try? JSONDecoder().decode(Answer.self, from: answer.body), parsed.Code ?? "Success" == "Success" else {
            throw .invalidCredentials(source: "instance metadata", reason: "the metadata service gave no credentials for role \(role)")
        }
        return AWSCredentials(
            accessKeyId: parsed.AccessKeyId, secretAccessKey: parsed.SecretAccessKey, sessionToken: parsed.Token,
            expiration: parsed.Expiration.flatMap(ISO8601Timestamp.parse), source: "instance metadata (role \(role))")
    }
}
