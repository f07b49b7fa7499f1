import Foundation

/// The S3 calls Formwork makes: put an object (a template too large for a request, an asset) and ask whether
/// one exists. Path-style addressing at a configured endpoint, virtual-hosted at AWS's.
///
/// Object keys are signed as written: keep them to unreserved characters and `/` (Formwork's keys are
/// hashes), where S3's single encoding and SigV4's double encoding of the path agree.
public struct S3Client: Sendable {
    let environment: AWSEnvironment
    public let region: String
    let credentials: RefreshingCredentials
    let endpoint: URL?

    public init(environment: AWSEnvironment, region: String, credentials: RefreshingCredentials) throws(CloudError) {
        self.environment = environment
        self.region = region
        self.credentials = credentials
        let configured = try environment.endpoint(for: "s3", region: region)
        endpoint = configured.host?.hasSuffix(".amazonaws.com") == true || configured.host?.hasSuffix(".amazonaws.com.cn") == true ? nil : configured
    }

    /// The URL of `key` in `bucket` as CloudFormation reads it (`TemplateURL`): always S3's own address, also
    /// when requests go to a configured endpoint (the service behind it reads its own S3).
    public func objectURL(bucket: String, key: String) -> URL {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return URL(string: "https://\(bucket).s3.\(region).\(suffix)/\(key)")!
    }

    /// Where requests for `key` in `bucket` go: path-style at a configured endpoint, else S3's own address.
    func requestURL(bucket: String, key: String) -> URL {
        guard let endpoint else { return objectURL(bucket: bucket, key: key) }
        return endpoint.appendingPathComponent(bucket).appendingPathComponent(key)
    }

    /// Stores `body` as `key` in `bucket`.
    public func putObject(bucket: String, key: String, body: Data, contentType: String = "application/octet-stream") async throws(CloudError) {
        let response = try await send("PUT", bucket: bucket, key: key, body: body, headers: ["Content-Type": contentType], action: "PutObject")
        guard (200..<300).contains(response.status) else { throw error(response, action: "PutObject") }
    }

    /// Whether `key` exists in `bucket`.
    public func objectExists(bucket: String, key: String) async throws(CloudError) -> Bool {
        let response = try await send("HEAD", bucket: bucket, key: key, body: Data(), headers: [:], action: "HeadObject")
        if response.status == 404 { return false }
        guard (200..<300).contains(response.status) else { throw error(response, action: "HeadObject") }
        return true
    }

    private func send(_ method: String, bucket: String, key: String, body: Data, headers: [String: String], action: String) async throws(CloudError) -> HTTPResponse {
        let url = requestURL(bucket: bucket, key: key)
        let payloadHash = ContentHash.sha256(body)
        return try await environment.retry.run { () async throws(CloudError) -> HTTPResponse in
            var request = HTTPRequest(method: method, url: url, headers: headers.merging([
                "Host": SigV4Signer.host(of: url), "x-amz-content-sha256": payloadHash,
            ]) { $1 }, body: body)
            let signer = SigV4Signer(credentials: try await credentials.current(), service: "s3", region: region)
            request.headers.merge(signer.signedHeaders(method: method, url: url, headers: request.headers, body: body)) { $1 }
            let response = try await environment.transport.send(request, timeout: environment.retry.timeout)
            if response.status >= 500 || response.status == 429 || response.status == 503 {
                throw self.error(response, action: action)
            }
            return response
        }
    }

    private func error(_ response: HTTPResponse, action: String) -> CloudError {
        let tree = XMLTree.parse(response.body)
        return .service(AWSServiceError(service: "s3", action: action, status: response.status,
                                        code: tree?.string("Code") ?? (response.status == 404 ? "NoSuchBucket" : "HTTP\(response.status)"),
                                        message: tree?.string("Message") ?? "S3 answered with status \(response.status)",
                                        requestId: tree?.string("RequestId") ?? response.headers["x-amz-request-id"]))
    }
}
