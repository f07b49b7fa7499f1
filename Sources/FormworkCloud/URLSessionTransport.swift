import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// HTTP over FoundationNetworking's `URLSession`: no extra dependency, TLS from the system, and three bounds on
/// every exchange:
///
/// - **No redirects.** A `3xx` answer is returned as it is, never followed: following one would send the
///   signed headers (`Authorization`, `X-Amz-Security-Token`) to whatever host the answer names. AWS APIs
///   do not redirect Formwork's requests; S3's wrong-region `301` carries its error in the body.
/// - **A capped body.** An answer longer than ``maximumBodyBytes`` is cut off and the exchange fails with
///   ``CloudError/responseTooLarge(host:limit:)``: memory stays bounded whatever an endpoint sends.
/// - **A deadline.** The whole exchange (connecting, sending, every byte of the answer) must end within
///   the timeout given to ``send(_:timeout:)``; a slow drip of bytes does not keep it alive.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    /// The default cap on an answer's body: 64 MiB. The largest answers Formwork reads are template bodies
    /// (at most 1 MB) and pages of events and change sets (tens of kilobytes); 64 MiB leaves room for any of
    /// them while keeping a hostile or broken endpoint from filling memory.
    public static let defaultMaximumBodyBytes = 64 << 20

    /// The most bytes of an answer's body read before the exchange fails; at least 1.
    public let maximumBodyBytes: Int
    private let session: URLSession
    private let exchanges: ExchangeDelegate

    /// A transport that reads at most `maximumBodyBytes` of any answer (default
    /// ``defaultMaximumBodyBytes``).
    public init(maximumBodyBytes: Int = URLSessionTransport.defaultMaximumBodyBytes) {
        self.maximumBodyBytes = max(1, maximumBodyBytes)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        exchanges = ExchangeDelegate()
        session = URLSession(configuration: configuration, delegate: exchanges, delegateQueue: nil)
    }

    deinit {
        session.invalidateAndCancel()
    }

    public func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(CloudError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        if !request.body.isEmpty || request.method != "GET" { urlRequest.httpBody = request.body }
        let host = request.url.host ?? request.url.absoluteString
        let task = session.dataTask(with: urlRequest)
        let exchanges = exchanges
        let limit = maximumBodyBytes
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ExchangeDelegate.Outcome, Never>) in
                guard exchanges.begin(task, limit: limit, continuation: continuation) else { return }
                DispatchQueue.global().asyncAfter(deadline: .now() + max(0, timeout)) { [weak task] in
                    if let task { exchanges.expire(task) }
                }
                task.resume()
            }
        } onCancel: {
            exchanges.cancel(task)
        }
        switch outcome {
        case .answered(let response, let body):
            var headers: [String: String] = [:]
            for (name, value) in response.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
            }
            return HTTPResponse(status: response.statusCode, headers: headers, body: body)
        case .notHTTP:
            throw .network(host: host, reason: "the response is not HTTP")
        case .tooLarge:
            throw .responseTooLarge(host: host, limit: limit)
        case .cancelled:
            throw .cancelled
        case .timedOut:
            throw .timeout(host: host, seconds: timeout)
        case .failed(let error as URLError) where error.code == .timedOut:
            throw .timeout(host: host, seconds: timeout)
        case .failed(let error as URLError):
            throw .network(host: host, reason: Self.reason(error))
        case .failed(let error):
            throw .network(host: host, reason: error.map { "\($0)" } ?? "the exchange ended without an answer")
        }
    }

    private static func reason(_ error: URLError) -> String {
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed: "the host name does not resolve"
        case .cannotConnectToHost: "the connection was refused"
        case .networkConnectionLost: "the connection was lost"
        case .notConnectedToInternet: "there is no network"
        case .cancelled: "the request was cancelled"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid:
            "the TLS connection failed (certificate or protocol)"
        default: error.localizedDescription
        }
    }
}

/// The session's delegate: collects each exchange's body up to its cap, refuses redirects, and hands each
/// exchange's outcome to the caller waiting for it, exactly once.
final class ExchangeDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// How an exchange ended.
    enum Outcome: @unchecked Sendable {
        case answered(HTTPURLResponse, Data)
        case notHTTP
        case tooLarge
        case timedOut
        /// The caller's task was cancelled.
        case cancelled
        case failed(Error?)
    }

    private struct Exchange {
        var continuation: CheckedContinuation<Outcome, Never>
        var limit: Int
        var body = Data()
        /// Set when the exchange was cut short on purpose; it wins over the cancellation error that follows.
        var cutShort: Outcome?
    }

    private let lock = NSLock()
    private var exchanges: [Int: Exchange] = [:]
    /// Tasks whose caller was cancelled before their exchange began: they are never started.
    private var cancelledBeforeBegin: Set<Int> = []

    /// Registers `task`'s exchange; `false` (and the continuation resumed as cancelled) when the caller was
    /// cancelled first, in which case the task must not be started.
    func begin(_ task: URLSessionTask, limit: Int, continuation: CheckedContinuation<Outcome, Never>) -> Bool {
        let cancelled = lock.withLock { () -> Bool in
            if cancelledBeforeBegin.remove(task.taskIdentifier) != nil { return true }
            exchanges[task.taskIdentifier] = Exchange(continuation: continuation, limit: limit)
            return false
        }
        if cancelled { continuation.resume(returning: .cancelled) }
        return !cancelled
    }

    /// Ends `task` because its caller was cancelled: at once when it runs, before it starts otherwise.
    func cancel(_ task: URLSessionTask) {
        let registered = lock.withLock { () -> Bool in
            guard exchanges[task.taskIdentifier] != nil else {
                cancelledBeforeBegin.insert(task.taskIdentifier)
                return false
            }
            return true
        }
        if registered { cutShort(task, as: .cancelled) }
    }

    /// Ends `task` as timed out, if it is still running.
    func expire(_ task: URLSessionTask) {
        cutShort(task, as: .timedOut)
    }

    private func cutShort(_ task: URLSessionTask, as outcome: Outcome) {
        let running = lock.withLock { () -> Bool in
            guard exchanges[task.taskIdentifier] != nil, exchanges[task.taskIdentifier]?.cutShort == nil else { return false }
            exchanges[task.taskIdentifier]?.cutShort = outcome
            return true
        }
        if running { task.cancel() }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let limit = lock.withLock { exchanges[dataTask.taskIdentifier]?.limit ?? 0 }
        if response.expectedContentLength > Int64(limit) {
            cutShort(dataTask, as: .tooLarge)
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overflowed = lock.withLock { () -> Bool in
            // Read through the dictionary, never into a copy: a second reference to the body would make each
            // append copy it whole.
            let id = dataTask.taskIdentifier
            guard exchanges[id] != nil, exchanges[id]?.cutShort == nil, let count = exchanges[id]?.body.count, let limit = exchanges[id]?.limit else {
                return false
            }
            guard count + data.count <= limit else { return true }
            exchanges[id]?.body.append(data)
            return false
        }
        if overflowed { cutShort(dataTask, as: .tooLarge) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let exchange = lock.withLock({ exchanges.removeValue(forKey: task.taskIdentifier) }) else { return }
        let outcome: Outcome
        if let cutShort = exchange.cutShort {
            outcome = cutShort
        } else if let error {
            outcome = .failed(error)
        } else if let response = task.response as? HTTPURLResponse {
            outcome = .answered(response, exchange.body)
        } else {
            outcome = .notHTTP
        }
        exchange.continuation.resume(returning: outcome)
    }
}
