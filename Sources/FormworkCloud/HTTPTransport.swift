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

/// HTTP over FoundationNetworking's `URLSession`: no extra dependency, TLS from the system, a timeout on every
/// request (both between bytes and for the whole exchange). Redirects are not followed: AWS APIs do not send
/// them, and following one could send signed headers elsewhere.
public final class URLSessionTransport: NSObject, HTTPTransport, URLSessionTaskDelegate, @unchecked Sendable {
    private let session: URLSession

    public override init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
        super.init()
    }

    public func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(CloudError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        if !request.body.isEmpty || request.method != "GET" { urlRequest.httpBody = request.body }
        let host = request.url.host ?? request.url.absoluteString
        let prepared = urlRequest
        let session = session
        do {
            let (data, response) = try await withThrowingTaskGroup(of: (Data, URLResponse).self) { group in
                group.addTask { try await session.data(for: prepared) }
                group.addTask {
                    try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                    throw URLError(.timedOut)
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
            guard let http = response as? HTTPURLResponse else { throw CloudError.network(host: host, reason: "the response is not HTTP") }
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: data)
        } catch let error as CloudError {
            throw error
        } catch let error as URLError where error.code == .timedOut {
            throw .timeout(host: host, seconds: timeout)
        } catch let error as URLError {
            throw .network(host: host, reason: Self.reason(error))
        } catch {
            throw .network(host: host, reason: "\(error)")
        }
    }

    private static func reason(_ error: URLError) -> String {
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed: "the host name does not resolve"
        case .cannotConnectToHost: "the connection was refused"
        case .networkConnectionLost: "the connection was lost"
        case .notConnectedToInternet: "there is no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid:
            "the TLS connection failed (certificate or protocol)"
        default: error.localizedDescription
        }
    }
}
