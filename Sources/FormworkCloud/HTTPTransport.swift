import Foundation

/// One HTTP request as Formwork sends it to AWS.
public struct HTTPRequest: Sendable {
    /// The HTTP method (`GET`, `PUT`, `POST`, ...).
    public var method: String
    /// The full URL, path and query included.
    public var url: URL
    /// The headers, by name as written; the signer's `X-Amz-Date`, `Authorization` and, for temporary
    /// credentials, `X-Amz-Security-Token` are added before sending.
    public var headers: [String: String]
    /// The body; empty when there is none.
    public var body: Data

    /// A request of `method` to `url`; no headers and an empty body unless given.
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// What came back: the status, the headers (names lowercased) and the body.
public struct HTTPResponse: Sendable {
    /// The HTTP status code (200, 404, 503, ...).
    public var status: Int
    /// The headers, by lowercased name (`x-amzn-requestid`).
    public var headers: [String: String]
    /// The body as received.
    public var body: Data

    /// A response of `status`; no headers and an empty body unless given.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends requests. The live implementation is ``CurlTransport``; tests put a scripted one in its place.
public protocol HTTPTransport: Sendable {
    /// Sends `request`, giving up after `timeout` seconds; throws ``CloudError/network(host:reason:)`` or
    /// ``CloudError/timeout(host:seconds:)`` when no response arrives.
    func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(CloudError) -> HTTPResponse
}
