import Foundation

/// A client for AWS's Query protocol (CloudFormation, STS, IAM): `Action=...&Version=...` posted as a form,
/// signed with SigV4, answered in XML. Retries per its ``RetryPolicy``; errors become ``CloudError``.
public struct AWSQueryClient: Sendable {
    /// The signing name (`cloudformation`, `sts`, `iam`).
    public var service: String
    /// The API version (`2010-05-15` for CloudFormation).
    public var version: String
    /// The URL every action is posted to, such as `https://cloudformation.us-east-1.amazonaws.com`.
    public var endpoint: URL
    /// The region requests are signed for (`us-east-1`).
    public var region: String
    /// The credentials to sign with; `nil` sends the request unsigned (`AssumeRoleWithWebIdentity`).
    public var credentials: RefreshingCredentials?
    /// How requests are sent.
    public var transport: any HTTPTransport
    /// How failed calls are retried, and the time allowed for each attempt.
    public var retry: RetryPolicy

    /// A client of `service`'s API `version` at `endpoint`, signing for `region` with `credentials` (or not
    /// signing, when `nil`).
    public init(
        service: String, version: String, endpoint: URL, region: String, credentials: RefreshingCredentials?,
        transport: any HTTPTransport, retry: RetryPolicy
    ) {
        self.service = service
        self.version = version
        self.endpoint = endpoint
        self.region = region
        self.credentials = credentials
        self.transport = transport
        self.retry = retry
    }

    /// Calls `action` with `parameters` (in order; lists flattened as `Name.member.N`) and returns the
    /// `<ActionResult>` element of the answer.
    public func call(_ action: String, _ parameters: [(String, String)] = []) async throws(CloudError) -> XMLTree {
        let body = Data(Self.formEncoded([("Action", action), ("Version", version)] + parameters).utf8)
        return try await retry.run { () async throws(CloudError) -> XMLTree in
            var request = HTTPRequest(
                method: "POST", url: endpoint,
                headers: [
                    "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                    "Host": SigV4Signer.host(of: endpoint),
                ], body: body)
            if let credentials {
                let signer = SigV4Signer(credentials: try await credentials.current(), service: service, region: region)
                request.headers.merge(signer.signedHeaders(method: request.method, url: request.url, headers: request.headers, body: body)) { $1 }
            }
            let response = try await transport.send(request, timeout: retry.timeout)
            return try result(of: response, action: action)
        }
    }

    private func result(of response: HTTPResponse, action: String) throws(CloudError) -> XMLTree {
        let tree = XMLTree.parse(response.body)
        guard (200..<300).contains(response.status) else {
            let error = tree.flatMap { $0.name == "Error" ? $0 : $0["Error"] ?? $0["Errors", "Error"] }
            throw .service(
                AWSServiceError(
                    service: service, action: action, status: response.status,
                    code: error?.string("Code") ?? "HTTP\(response.status)",
                    message: error?.string("Message") ?? Self.describe(response),
                    requestId: tree?.string("RequestId") ?? tree?["ResponseMetadata"]?.string("RequestId") ?? response.headers["x-amzn-requestid"]
                ))
        }
        guard let tree else {
            throw .invalidResponse(service: service, action: action, reason: "the answer is not XML")
        }
        return tree["\(action)Result"] ?? tree
    }

    /// An error answer that is not AWS's XML, in a line: its status and the start of its text, or for a
    /// redirect where it pointed (redirects are never followed: they would carry the signed request away).
    static func describe(_ response: HTTPResponse) -> String {
        let status = response.status
        if (300..<400).contains(status) {
            let target = response.headers["location"].flatMap { URL(string: $0)?.host }.map { " to \($0)" } ?? ""
            return
                "the endpoint redirected the request (status \(status))\(target); Formwork does not follow redirects, which would send the signed request to another host. Check --endpoint-url and the region"
        }
        let text = String(decoding: response.body.prefix(300), as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
        return text.isEmpty ? "the service answered with status \(status)" : "the service answered with status \(status): \(text)"
    }

    /// `pairs` as `application/x-www-form-urlencoded` the way botocore writes it (and moto re-encodes it to
    /// check the signature): a space as `+`, every other byte but unreserved ones percent-encoded.
    static func formEncoded(_ pairs: [(String, String)]) -> String {
        func encode(_ text: String) -> String {
            SigV4Signer.encode(text, keeping: " ").replacingOccurrences(of: " ", with: "+")
        }
        return pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }
}
