import CFormworkCurl
import Foundation

/// HTTP through libcurl's easy interface, loaded when the first request is sent (a program that only
/// synthesizes never loads it, nor the TLS and other libraries it brings), with three bounds on every
/// exchange:
///
/// - **No redirects.** A `3xx` answer is returned as it is, never followed: following one would send the
///   signed headers (`Authorization`, `X-Amz-Security-Token`) to whatever host the answer names. AWS APIs
///   do not redirect Formwork's requests; S3's wrong-region `301` carries its error in the body.
/// - **A capped body.** An answer longer than ``maximumBodyBytes`` (or announcing more) is cut off and the
///   exchange fails with ``CloudError/responseTooLarge(host:limit:)``: memory stays bounded whatever an
///   endpoint sends. Headers are capped at 1 MiB.
/// - **A deadline.** The whole exchange (connecting, sending, every byte of the answer) must end within
///   the timeout given to ``send(_:timeout:)``; a slow drip of bytes does not keep it alive.
///
/// Only `http` and `https` are spoken. libcurl reads the proxy settings of the environment (`https_proxy`,
/// `no_proxy`), as the AWS CLI does; a proxy sees an `https` request's host, never its headers.
public final class CurlTransport: HTTPTransport {
    /// The default cap on an answer's body: 64 MiB. The largest answers Formwork reads are template bodies
    /// (at most 1 MB) and pages of events and change sets (tens of kilobytes); 64 MiB leaves room for any of
    /// them while keeping a hostile or broken endpoint from filling memory.
    public static let defaultMaximumBodyBytes = 64 << 20

    /// The most bytes of an answer's body read before the exchange fails; at least 1.
    public let maximumBodyBytes: Int

    /// A transport that reads at most `maximumBodyBytes` of any answer (default ``defaultMaximumBodyBytes``).
    public init(maximumBodyBytes: Int = CurlTransport.defaultMaximumBodyBytes) {
        self.maximumBodyBytes = max(1, maximumBodyBytes)
    }

    public func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(CloudError) -> HTTPResponse {
        let host = request.url.host ?? request.url.absoluteString
        let exchange = CurlExchange(request: request, timeout: timeout, limit: maximumBodyBytes)
        // libcurl blocks for the whole exchange: on a thread of its own, never one of the shared pool.
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<CurlExchange.Outcome, Never>) in
                Thread.detachNewThread { continuation.resume(returning: exchange.run()) }
            }
        } onCancel: {
            exchange.cancel()
        }
        switch outcome {
        case .answered(let status, let headers, let body): return HTTPResponse(status: status, headers: headers, body: body)
        case .tooLarge: throw .responseTooLarge(host: host, limit: maximumBodyBytes)
        case .cancelled: throw .cancelled
        case .timedOut: throw .timeout(host: host, seconds: timeout)
        case .failed(let reason): throw .network(host: host, reason: reason)
        case .unsendable(let reason): throw .configuration("cannot send a request to \(host): \(reason)")
        }
    }
}
