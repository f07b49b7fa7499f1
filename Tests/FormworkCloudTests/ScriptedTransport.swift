import Foundation
import FormworkCloud
import Synchronization

/// An HTTP transport that answers from a script instead of the network, and records what was sent.
final class ScriptedTransport: HTTPTransport {
    typealias Answer = @Sendable (HTTPRequest) throws(CloudError) -> HTTPResponse

    private let answer: Answer
    private let sent = Mutex<[HTTPRequest]>([])

    init(_ answer: @escaping Answer) {
        self.answer = answer
    }

    /// The requests sent so far.
    var requests: [HTTPRequest] { sent.withLock { $0 } }

    func send(_ request: HTTPRequest, timeout: TimeInterval) async throws(CloudError) -> HTTPResponse {
        sent.withLock { $0.append(request) }
        return try answer(request)
    }
}
