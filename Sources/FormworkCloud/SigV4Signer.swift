import Crypto
import Foundation

/// AWS Signature Version 4 (the `AWS4-HMAC-SHA256` algorithm), on swift-crypto's SHA-256 and HMAC.
///
/// It signs the request as it will be sent: the method, the URL's path and query as written (encoded once
/// more for the canonical path, as botocore does), every header but the hop-by-hop ones, and the body's hash.
/// Tests check its signatures against botocore's on generated requests.
public struct SigV4Signer: Sendable {
    /// The keys that sign: the access key id names them in the credential scope, the secret derives the
    /// signing key, and a session token is sent as `X-Amz-Security-Token`.
    public var credentials: AWSCredentials
    /// The service's signing name in the credential scope (`cloudformation`, `s3`, `lambda`, `states`).
    public var service: String
    /// The region in the credential scope (`us-east-1`).
    public var region: String

    /// A signer for requests to `service` in `region` with `credentials`.
    public init(credentials: AWSCredentials, service: String, region: String) {
        self.credentials = credentials
        self.service = service
        self.region = region
    }

    /// Headers never signed: they change between hops, or clients add them.
    static let unsignedHeaders: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// The headers to add to a request of `method` to `url` with `headers` and `body`, signed at `date`:
    /// `X-Amz-Date`, `X-Amz-Security-Token` for temporary credentials, and `Authorization`.
    public func signedHeaders(method: String, url: URL, headers: [String: String], body: Data, date: Date = Date()) -> [String: String] {
        let amzDate = Self.timestamp(date)
        let day = String(amzDate.prefix(8))
        var added = ["X-Amz-Date": amzDate]
        if let token = credentials.sessionToken { added["X-Amz-Security-Token"] = token }
        var canonical: [String: [String]] = [:]
        for (name, value) in headers.merging(added, uniquingKeysWith: { $1 }) where !Self.unsignedHeaders.contains(name.lowercased()) {
            canonical[name.lowercased(), default: []].append(Self.trimmed(value))
        }
        if canonical["host"] == nil { canonical["host"] = [Self.host(of: url)] }
        let names = canonical.keys.sorted()
        let signedNames = names.joined(separator: ";")
        let request = [
            method.uppercased(),
            Self.canonicalPath(url),
            Self.canonicalQuery(url),
            names.map { "\($0):\(canonical[$0]!.joined(separator: ","))" }.joined(separator: "\n") + "\n",
            signedNames,
            Self.hex(SHA256.hash(data: body)),
        ].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, Self.hex(SHA256.hash(data: Data(request.utf8)))].joined(separator: "\n")
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
        added["Authorization"] = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(signedNames), Signature=\(signature)"
        return added
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    static func timestamp(_ date: Date) -> String {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", components.year!, components.month!, components.day!,
            components.hour!, components.minute!, components.second!)
    }

    /// The header value with its ends trimmed and inner runs of spaces made one.
    static func trimmed(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The lowercase host, with the port when it is not the scheme's default.
    static func host(of url: URL) -> String {
        let host = (url.host ?? "").lowercased()
        guard let port = url.port, port != (url.scheme == "http" ? 80 : 443) else { return host }
        return "\(host):\(port)"
    }

    /// The path as sent, with dot segments and empty segments removed (AWS services collapse repeated
    /// slashes), each byte outside `A-Za-z0-9-._~/` percent-encoded once more.
    static func canonicalPath(_ url: URL) -> String {
        let raw = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
        var segments: [Substring] = []
        for segment in raw.split(separator: "/") where segment != "." {
            if segment == ".." { _ = segments.popLast() } else { segments.append(segment) }
        }
        let trailingSlash = raw.hasSuffix("/") && !segments.isEmpty ? "/" : ""
        return encode("/" + segments.joined(separator: "/") + trailingSlash, keeping: "/~")
    }

    /// The query as sent, its pairs sorted.
    static func canonicalQuery(_ url: URL) -> String {
        guard let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery, !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// `text`'s UTF-8 bytes, percent-encoded but for unreserved characters and `keeping`.
    static func encode(_ text: String, keeping: String) -> String {
        let kept = Set(keeping.utf8)
        var result = ""
        for byte in text.utf8 {
            let isUnreserved =
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            if isUnreserved || kept.contains(byte) {
                result.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
