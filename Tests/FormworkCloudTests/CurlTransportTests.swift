import Foundation
import FormworkCloud
import Testing

/// What the transport refuses before anything is sent: a header that would split into two, and a deadline
/// libcurl cannot take.
@Suite struct CurlTransportTests {
    func send(_ request: HTTPRequest, timeout: TimeInterval = 5) -> Result<HTTPResponse, CloudError> {
        Result { () throws(CloudError) -> HTTPResponse in
            try SynchronousWait.run { () async throws(CloudError) -> HTTPResponse in try await CurlTransport().send(request, timeout: timeout) }
        }
    }

    @Test(arguments: ["value\r\nInjected: yes", "value\nInjected: yes", "value\0tail"])
    func aHeaderThatWouldSplitIsNeverSent(value: String) {
        // Port 9 (discard) is closed here: a request that were sent would fail to connect instead.
        let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:9/")!, headers: ["X-Test": value])
        #expect(send(request).failureReason?.contains("the header 'X-Test' holds a line break or NUL; it was not sent") == true)
    }

    @Test func aRequestThatCannotBeSentIsNotRetried() {
        let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:9/")!, headers: ["X-Test": "a\nb"])
        guard case .failure(let error) = send(request) else {
            Issue.record("a header with a line break was sent")
            return
        }
        #expect(!RetryPolicy.isRetryable(error))
    }

    @Test(arguments: [TimeInterval.infinity, .nan, 1e300])
    func aDeadlineBeyondADayIsADay(timeout: TimeInterval) {
        let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:9/")!)
        #expect(send(request, timeout: timeout).failureReason?.contains("the connection was refused") == true)
    }
}
