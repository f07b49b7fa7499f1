import Foundation

/// Credentials from the container credentials endpoint (ECS tasks, CodeBuild, EKS Pod Identity):
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` below `http://169.254.170.2`, or `AWS_CONTAINER_CREDENTIALS_FULL_URI`
/// (HTTPS, or HTTP to a loopback or the container hosts only), with `AWS_CONTAINER_AUTHORIZATION_TOKEN[_FILE]`.
enum ContainerCredentials {
    struct Answer: Decodable {
        var AccessKeyId: String
        var SecretAccessKey: String
        var Token: String?
        var Expiration: String?
    }

    /// The endpoint the environment names; `nil` when it names none.
    static func endpoint(_ environment: AWSEnvironment) throws(CloudError) -> URL? {
        if let relative = environment.nonEmpty("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            return URL(string: "http://169.254.170.2" + relative)
        }
        guard let full = environment.nonEmpty("AWS_CONTAINER_CREDENTIALS_FULL_URI") else { return nil }
        guard let url = URL(string: full), let host = url.host else {
            throw .invalidCredentials(source: "container", reason: "AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URL")
        }
        guard url.scheme == "https" || (url.scheme == "http" && isAllowedPlainHTTPHost(host)) else {
            throw .invalidCredentials(source: "container", reason: "AWS_CONTAINER_CREDENTIALS_FULL_URI must use HTTPS, or HTTP to a loopback or container host")
        }
        return url
    }

    /// The container hosts the SDKs reach over plain HTTP: ECS's and EKS Pod Identity's link-local
    /// addresses, and `localhost`.
    static let containerHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23", "localhost"]

    /// Whether `host` may be reached over plain HTTP, as the SDKs decide: a container host, or a loopback
    /// address written as an IP literal (`127.0.0.0/8`, `::1`). A name that merely looks like one
    /// (`127.example.com`) is not: it resolves wherever its owner wants.
    static func isAllowedPlainHTTPHost(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if containerHosts.contains(bare.lowercased()) { return true }
        var ipv4 = in_addr()
        if inet_pton(AF_INET, bare, &ipv4) == 1 {
            return UInt32(bigEndian: ipv4.s_addr) >> 24 == 127
        }
        var ipv6 = in6_addr()
        if inet_pton(AF_INET6, bare, &ipv6) == 1 {
            let loopback: [UInt8] = Array(repeating: 0, count: 15) + [1]
            return withUnsafeBytes(of: &ipv6) { Array($0) } == loopback
        }
        return false
    }

    static func fetch(from url: URL, environment: AWSEnvironment) async throws(CloudError) -> AWSCredentials {
        var headers: [String: String] = ["Accept": "application/json"]
        if let file = environment.nonEmpty("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
            guard let token = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw .invalidCredentials(source: "container", reason: "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE '\(file)'")
            }
            headers["Authorization"] = token.trimmingCharacters(in: .whitespacesAndNewlines)
        } else if let token = environment.nonEmpty("AWS_CONTAINER_AUTHORIZATION_TOKEN") {
            headers["Authorization"] = token
        }
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: 0.1, maxDelay: 1, timeout: 2)
        let response = try await policy.run { () async throws(CloudError) -> HTTPResponse in
            try await environment.transport.send(HTTPRequest(method: "GET", url: url, headers: headers), timeout: policy.timeout)
        }
        guard response.status == 200, let answer = try? JSONDecoder().decode(Answer.self, from: response.body) else {
            throw .invalidCredentials(source: "container", reason: "the credentials endpoint answered with status \(response.status) and no credentials")
        }
        return AWSCredentials(
            accessKeyId: answer.AccessKeyId, secretAccessKey: answer.SecretAccessKey, sessionToken: answer.Token,
            expiration: answer.Expiration.flatMap(ISO8601Timestamp.parse), source: "container")
    }
}
