import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP request as Formwork sends it to AWS.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// What came back: the status, the headers (names lowercased) and the body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends requests. The live implementation is ``URLSessionTransport``; tests put a scripted one in its place.
public protocol HTTPTransport: Sendable {
    /// Sends `request`, giving up after `timeout` seconds; throws ``CloudError/network(host:reason:)`` or
    /// ``CloudError/timeout(host:seconds:)`` when no response arrives.
    func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(CloudError) -> HTTPResponse
}
