import Foundation
import Synchronization
@testable import FormworkCloud
import Testing

/// Which failures are tried again, how often, and after what pause.
@Suite struct RetryPolicyTests {
    static let fast = RetryPolicy(maxAttempts: 5, baseDelay: 0.001, maxDelay: 0.01, timeout: 1)

    static func errorResponse(_ status: Int, _ code: String) -> HTTPResponse {
        HTTPResponse(
            status: status, body: Data("<ErrorResponse><Error><Code>\(code)</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>".utf8))
    }

    static let success = HTTPResponse(
        status: 200, body: Data("<ListStacksResponse><ListStacksResult><StackSummaries/></ListStacksResult></ListStacksResponse>".utf8))

    func client(_ transport: ScriptedTransport) -> AWSQueryClient {
        AWSQueryClient(
            service: "cloudformation", version: "2010-05-15", endpoint: URL(string: "https://cloudformation.eu-west-1.amazonaws.com")!,
            region: "eu-west-1", credentials: RefreshingCredentials { AWSCredentials(accessKeyId: "AKID", secretAccessKey: "s", source: "test") },
            transport: transport, retry: Self.fast)
    }

    func call(_ transport: ScriptedTransport) -> Result<XMLTree, CloudError> {
        let client = client(transport)
        return Result { () throws(CloudError) -> XMLTree in
            try SynchronousWait.run { () async throws(CloudError) -> XMLTree in try await client.call("ListStacks") }
        }
    }

    @Test func throttlingIsRetriedUntilTheAttemptsRunOut() {
        let throttled = ScriptedTransport { _ in Self.errorResponse(400, "Throttling") }
        #expect(throws: CloudError.self) { try call(throttled).get() }
        #expect(throttled.requests.count == 5)
    }

    @Test func aThrottledThenAnsweredCallSucceedsOnItsThirdAttempt() throws {
        let counter = Counter()
        let transport = ScriptedTransport { _ in counter.next() < 2 ? Self.errorResponse(400, "ThrottlingException") : Self.success }
        _ = try call(transport).get()
        #expect(transport.requests.count == 3)
    }

    @Test func serverErrorsAndTimeoutsAreRetriedAValidationErrorIsNot() {
        let failing = ScriptedTransport { _ in Self.errorResponse(503, "ServiceUnavailable") }
        #expect(throws: CloudError.self) { try call(failing).get() }
        #expect(failing.requests.count == 5)

        let timingOut = ScriptedTransport { request throws(CloudError) in throw .timeout(host: request.url.host!, seconds: 1) }
        #expect(throws: CloudError.timeout(host: "cloudformation.eu-west-1.amazonaws.com", seconds: 1)) { try call(timingOut).get() }
        #expect(timingOut.requests.count == 5)

        let invalid = ScriptedTransport { _ in Self.errorResponse(400, "ValidationError") }
        #expect(throws: CloudError.self) { try call(invalid).get() }
        #expect(invalid.requests.count == 1)
    }

    @Test func pausesGrowExponentiallyUpToTheCap() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 0.2, maxDelay: 8)
        #expect(policy.delay(afterAttempt: 0, random: 1) == 0.2)
        #expect(policy.delay(afterAttempt: 3, random: 1) == 1.6)
        #expect(policy.delay(afterAttempt: 20, random: 1) == 8)
        #expect(policy.delay(afterAttempt: 3, random: 0.5) == 0.8)
        #expect(policy.delay(afterAttempt: 1_000, random: 0.999) <= 8)
    }
}

/// A thread-safe counter for scripted answers that change with each request.
final class Counter: Sendable {
    private let value = Mutex(0)
    /// The count before this call.
    func next() -> Int {
        value.withLock { count in
            defer { count += 1 }
            return count
        }
    }
}
