import Foundation

/// The S3 calls Formwork makes: put an object (a template too large for a request, an asset) and ask whether
/// one exists. Path-style addressing at a configured endpoint, virtual-hosted at AWS's.
///
/// Object keys are signed as written: keep them to unreserved characters and `/` (Formwork's keys are
/// hashes), where S3's single encoding and SigV4's double encoding of the path agree.
public struct S3Client: Sendable {
    let environment: AWSEnvironment
    /// The region of the buckets the client reaches and of its signatures (`us-east-1`).
    public let region: String
    let credentials: RefreshingCredentials
    let endpoint: URL?
    /// The account every bucket this client reaches must belong to (`x-amz-expected-bucket-owner` on each
    /// request; S3 answers 403 for another account's bucket); `nil` sends no such header.
    public let expectedBucketOwner: String?

    /// A client for S3 in `region` as `environment` reaches it, signing with `credentials`.
    ///
    /// - Parameter expectedBucketOwner: the account the buckets must belong to; any account when `nil` (the default).
    public init(environment: AWSEnvironment, region: String, credentials: RefreshingCredentials, expectedBucketOwner: String? = nil) throws(CloudError) {
        self.environment = environment
        self.region = region
        self.credentials = credentials
        self.expectedBucketOwner = expectedBucketOwner
        let configured = try environment.endpoint(for: "s3", region: region)
        endpoint = configured.host?.hasSuffix(".amazonaws.com") == true || configured.host?.hasSuffix(".amazonaws.com.cn") == true ? nil : configured
    }

    /// The URL of `key` in `bucket` as CloudFormation reads it (`TemplateURL`): always S3's own address, also
    /// when requests go to a configured endpoint (the service behind it reads its own S3).
    ///
    /// - Throws: ``CloudError/configuration(_:)`` when `bucket` is not a bucket name or `key` holds more
    ///   than unreserved characters and `/`.
    public func objectURL(bucket: String, key: String) throws(CloudError) -> URL {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        try Self.check(bucket: bucket, key: key)
        guard let url = URL(string: "https://\(bucket).s3.\(region).\(suffix)/\(key)") else {
            throw .configuration("no S3 URL can be made of the bucket '\(bucket)' in region \(region)")
        }
        return url
    }

    /// Where requests for `key` in `bucket` go: path-style at a configured endpoint, else S3's own address.
    func requestURL(bucket: String, key: String) throws(CloudError) -> URL {
        guard let endpoint else { return try objectURL(bucket: bucket, key: key) }
        try Self.check(bucket: bucket, key: key)
        let bucketURL = endpoint.appendingPathComponent(bucket)
        return key.isEmpty ? bucketURL : bucketURL.appendingPathComponent(key)
    }

    /// Refuses a bucket name S3 would refuse, and a key Formwork does not write (its keys are hashes).
    private static func check(bucket: String, key: String) throws(CloudError) {
        guard S3BucketName.isValid(bucket) else {
            throw .configuration(
                "'\(bucket)' is not an S3 bucket name (3 to 63 lowercase letters, digits, dots and hyphens); check --asset-bucket, --template-bucket, or the account id AWS answered with"
            )
        }
        let allowed = key.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-._~/".unicodeScalars.contains($0))
        }
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        guard allowed, !segments.contains(where: { $0 == "." || $0 == ".." }) else {
            throw .configuration("'\(key)' is not an object key Formwork writes (letters, digits, - . _ ~ /, no . or .. segment)")
        }
    }

    /// Stores `body` as `key` in `bucket`, encrypted as `encryption` says.
    public func putObject(
        bucket: String, key: String, body: Data, contentType: String = "application/octet-stream",
        encryption: ServerSideEncryption = .none
    ) async throws(CloudError) {
        let response = try await send(
            "PUT", bucket: bucket, key: key, body: body, headers: encryption.headers.merging(["Content-Type": contentType]) { $1 }, action: "PutObject")
        guard (200..<300).contains(response.status) else { throw error(response, action: "PutObject") }
    }

    /// Objects larger than this go up in parts.
    public static let multipartThreshold = 16 * 1024 * 1024
    /// The size of each part but the last (S3's minimum is 5 MiB).
    public static let partSize = 8 * 1024 * 1024

    /// Stores `body` as `key` in `bucket`, encrypted as `encryption` says: in one request, or above
    /// ``multipartThreshold`` in parts (an upload that fails half-way is aborted, leaving no parts behind).
    public func upload(
        bucket: String, key: String, body: Data, contentType: String = "application/octet-stream",
        encryption: ServerSideEncryption = .none
    ) async throws(CloudError) {
        guard body.count > Self.multipartThreshold else {
            return try await putObject(bucket: bucket, key: key, body: body, contentType: contentType, encryption: encryption)
        }
        let created = try await send(
            "POST", bucket: bucket, key: key, query: "uploads=", body: Data(),
            headers: encryption.headers.merging(["Content-Type": contentType]) { $1 }, action: "CreateMultipartUpload")
        guard (200..<300).contains(created.status), let uploadId = XMLTree.parse(created.body)?.string("UploadId") else {
            throw error(created, action: "CreateMultipartUpload")
        }
        let uploadQuery = "uploadId=" + SigV4Signer.encode(uploadId, keeping: "")
        do throws(CloudError) {
            var parts: [String] = []
            for (index, start) in stride(from: 0, to: body.count, by: Self.partSize).enumerated() {
                let part = body.subdata(in: start..<min(start + Self.partSize, body.count))
                let response = try await send(
                    "PUT", bucket: bucket, key: key, query: "partNumber=\(index + 1)&\(uploadQuery)", body: part, headers: [:], action: "UploadPart")
                guard (200..<300).contains(response.status), let etag = response.headers["etag"] else { throw error(response, action: "UploadPart") }
                parts.append("<Part><PartNumber>\(index + 1)</PartNumber><ETag>\(etag)</ETag></Part>")
            }
            let manifest = Data("<CompleteMultipartUpload>\(parts.joined())</CompleteMultipartUpload>".utf8)
            let completed = try await send(
                "POST", bucket: bucket, key: key, query: uploadQuery, body: manifest, headers: ["Content-Type": "application/xml"],
                action: "CompleteMultipartUpload")
            // S3 may answer 200 with an error in the body.
            guard (200..<300).contains(completed.status), XMLTree.parse(completed.body)?.name != "Error" else {
                throw error(completed, action: "CompleteMultipartUpload")
            }
        } catch {
            _ = try? await send("DELETE", bucket: bucket, key: key, query: uploadQuery, body: Data(), headers: [:], action: "AbortMultipartUpload")
            throw error
        }
    }

    /// The bytes of `key` in `bucket`; `nil` when there is no such object.
    public func object(bucket: String, key: String) async throws(CloudError) -> Data? {
        let response = try await send("GET", bucket: bucket, key: key, body: Data(), headers: [:], action: "GetObject")
        if response.status == 404 { return nil }
        guard (200..<300).contains(response.status) else { throw error(response, action: "GetObject") }
        return response.body
    }

    /// Deletes `key` from `bucket`; an object that is not there is no error (S3 answers 204 either way).
    public func deleteObject(bucket: String, key: String) async throws(CloudError) {
        let response = try await send("DELETE", bucket: bucket, key: key, body: Data(), headers: [:], action: "DeleteObject")
        guard (200..<300).contains(response.status) || response.status == 404 else { throw error(response, action: "DeleteObject") }
    }

    /// Whether `bucket` exists (and the credentials may see it: a bucket of another account answers 403).
    public func bucketExists(_ bucket: String) async throws(CloudError) -> Bool {
        let response = try await send("HEAD", bucket: bucket, key: "", body: Data(), headers: [:], action: "HeadBucket")
        if response.status == 404 { return false }
        if response.status == 403 {
            throw forbidden(
                response, action: "HeadBucket",
                "the bucket \(bucket) exists but may not be used\(ownerClause): it belongs to another account, or the credentials lack s3:ListBucket on it")
        }
        guard (200..<300).contains(response.status) else { throw error(response, action: "HeadBucket") }
        return true
    }

    /// Whether `key` exists in `bucket` (`false` also when the bucket does not).
    public func objectExists(bucket: String, key: String) async throws(CloudError) -> Bool {
        let response = try await send("HEAD", bucket: bucket, key: key, body: Data(), headers: [:], action: "HeadObject")
        if response.status == 404 { return false }
        if response.status == 403 {
            throw forbidden(
                response, action: "HeadObject",
                "S3 refused to say whether s3://\(bucket)/\(key) exists\(ownerClause): the credentials need s3:GetObject and s3:ListBucket on the bucket (without s3:ListBucket, S3 answers 403 for an object that is not there)"
            )
        }
        guard (200..<300).contains(response.status) else { throw error(response, action: "HeadObject") }
        return true
    }

    /// How `bucket` encrypts new objects by default (`GetBucketEncryption`), so uploads can ask for the same
    /// in their own headers, as policies requiring encryption headers demand; ``ServerSideEncryption/none``
    /// when the bucket has no default or the credentials may not read it.
    public func defaultEncryption(of bucket: String) async throws(CloudError) -> ServerSideEncryption {
        let response = try await send("GET", bucket: bucket, key: "", query: "encryption=", body: Data(), headers: [:], action: "GetBucketEncryption")
        // No configuration (404) or no permission to read it (403): upload without headers, as `cdk deploy` does.
        if [403, 404].contains(response.status) { return .none }
        guard (200..<300).contains(response.status) else { throw error(response, action: "GetBucketEncryption") }
        let rule = XMLTree.parse(response.body)?["Rule"]?["ApplyServerSideEncryptionByDefault"]
        switch rule?.string("SSEAlgorithm") {
        case "aws:kms", "aws:kms:dsse": return .kms(keyId: rule?.string("KMSMasterKeyID"))
        case "AES256": return .s3
        default: return .none
        }
    }

    private var ownerClause: String {
        expectedBucketOwner.map { " (expected to belong to account \($0))" } ?? ""
    }

    private func send(
        _ method: String, bucket: String, key: String, query: String? = nil, body: Data, headers: [String: String],
        action: String
    ) async throws(CloudError) -> HTTPResponse {
        let base = try requestURL(bucket: bucket, key: key)
        var url = base
        if let query {
            guard let withQuery = URL(string: base.absoluteString + "?" + query) else {
                throw .configuration("no S3 URL can be made of '\(base.absoluteString)' with the query '\(query)'")
            }
            url = withQuery
        }
        let payloadHash = ContentHash.sha256(body)
        var headers = headers
        if let expectedBucketOwner { headers["x-amz-expected-bucket-owner"] = expectedBucketOwner }
        let timeout = Self.timeout(forBytes: body.count, base: environment.retry.timeout)
        return try await environment.retry.run { () async throws(CloudError) -> HTTPResponse in
            var request = HTTPRequest(
                method: method, url: url,
                headers: headers.merging([
                    "Host": SigV4Signer.host(of: url), "x-amz-content-sha256": payloadHash,
                ]) { $1 }, body: body)
            let signer = SigV4Signer(credentials: try await credentials.current(), service: "s3", region: region)
            request.headers.merge(signer.signedHeaders(method: method, url: url, headers: request.headers, body: body)) { $1 }
            let response = try await environment.transport.send(request, timeout: timeout)
            if response.status >= 500 || response.status == 429 || response.status == 503 {
                throw self.error(response, action: action)
            }
            return response
        }
    }

    /// The slowest upload a request waits for, in bytes a second: a request carrying a body gets `base`
    /// seconds plus one for every 256 KiB (a 16 MiB object: 64 s more).
    public static let slowestUploadBytesPerSecond = 256 * 1024

    /// How long a request carrying `bytes` may take: `base`, plus the time the body takes at
    /// ``slowestUploadBytesPerSecond``.
    static func timeout(forBytes bytes: Int, base: TimeInterval) -> TimeInterval {
        base + TimeInterval(bytes) / TimeInterval(slowestUploadBytesPerSecond)
    }

    /// A 403 to a `HEAD` request, which has no body to say why: `message` says what it likely means.
    private func forbidden(_ response: HTTPResponse, action: String, _ message: String) -> CloudError {
        .service(
            AWSServiceError(
                service: "s3", action: action, status: 403, code: "Forbidden", message: message,
                requestId: response.headers["x-amz-request-id"]))
    }

    private func error(_ response: HTTPResponse, action: String) -> CloudError {
        let tree = XMLTree.parse(response.body)
        return .service(
            AWSServiceError(
                service: "s3", action: action, status: response.status,
                code: tree?.string("Code") ?? (response.status == 404 ? "NoSuchBucket" : "HTTP\(response.status)"),
                message: tree?.string("Message") ?? "S3 answered with status \(response.status)",
                requestId: tree?.string("RequestId") ?? response.headers["x-amz-request-id"]))
    }
}
