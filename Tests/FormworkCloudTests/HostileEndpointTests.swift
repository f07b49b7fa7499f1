import Foundation
@testable import FormworkCloud
import Testing

/// The AWS client against an endpoint that misbehaves on purpose: it never follows a redirect (signed headers
/// would go to the host it names), reads a bounded body within a deadline, refuses XML too deep to walk, and
/// stops paging when the pages never end. Serialized: the deadlines are timed, and an endless body next to
/// them would skew the clock they are read by.
@Suite(.serialized) struct HostileEndpointTests {
    let endpoint: HostileEndpoint

    init() throws {
        endpoint = try HostileEndpoint.shared.get()
    }

    /// A query client signed with a session token, as a role's credentials are.
    func client(_ mode: String, transport: any HTTPTransport = CurlTransport()) -> AWSQueryClient {
        let credentials = RefreshingCredentials {
            AWSCredentials(accessKeyId: "AKIDHOSTILETEST", secretAccessKey: "secret-never-sent", sessionToken: "token-never-sent", source: "test")
        }
        return AWSQueryClient(
            service: "cloudformation", version: "2010-05-15", endpoint: endpoint.url(mode), region: "us-east-1",
            credentials: credentials, transport: transport, retry: RetryPolicy(maxAttempts: 1, timeout: 5))
    }

    func call(_ client: AWSQueryClient, _ action: String = "DescribeStacks") -> Result<XMLTree, CloudError> {
        Result { () throws(CloudError) -> XMLTree in try SynchronousWait.run { () async throws(CloudError) -> XMLTree in try await client.call(action) } }
    }

    @Test(arguments: [301, 302, 303, 307, 308])
    func aRedirectIsReportedAndNeverFollowed(status: Int) throws {
        let result = call(client("redirect/\(status)"))
        guard case .failure(.service(let error)) = result else {
            Issue.record("expected a service error, got \(result)")
            return
        }
        #expect(error.status == status)
        #expect(error.message.contains("does not follow redirects"))
        #expect(error.message.contains("127.0.0.2"))
        let seen = try endpoint.requestsSeenByTheOtherHost()
        #expect(seen.isEmpty, "the other host received \(seen)")
    }

    @Test func anEndlessBodyIsCutOffAtTheCap() {
        let result = call(client("endless-body", transport: CurlTransport(maximumBodyBytes: 1 << 20)))
        #expect(result == .failure(.responseTooLarge(host: "127.0.0.1", limit: 1 << 20)))
    }

    @Test func anAnnouncedLengthOverTheCapIsRefusedBeforeReading() {
        let result = call(client("huge-length"))
        #expect(result == .failure(.responseTooLarge(host: "127.0.0.1", limit: CurlTransport.defaultMaximumBodyBytes)))
    }

    @Test func aSlowDripEndsAtTheDeadlineOfTheWholeExchange() {
        let transport = CurlTransport()
        let request = HTTPRequest(method: "GET", url: endpoint.url("slow-drip"))
        // Timed around a wait on the client's own executor: the test's task may wait for a thread of the
        // shared pool, the exchange does not.
        let started = Date()
        let result = Result { () throws(CloudError) -> HTTPResponse in
            try SynchronousWait.run { () async throws(CloudError) -> HTTPResponse in try await transport.send(request, timeout: 2) }
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(throws: CloudError.timeout(host: "127.0.0.1", seconds: 2)) { try result.get() }
        #expect(elapsed < 10)
    }

    @Test func anAnswerNestedSixtyThousandDeepIsRefusedWithoutCrashing() {
        let result = call(client("deep-xml"))
        #expect(result == .failure(.invalidResponse(service: "cloudformation", action: "DescribeStacks", reason: "the answer is not XML")))
    }

    @Test func endlessPaginationStopsAtTheBound() {
        let client = client("endless-pages")
        let result = Result { () throws(CloudError) in
            try SynchronousWait.run { () async throws(CloudError) in try await client.paginate("ListStacks") { _ in true } }
        }
        #expect(
            result.failureReason
                == CloudError.invalidResponse(
                    service: "cloudformation", action: "ListStacks",
                    reason: "the listing goes on past 1000 pages; Formwork stops there"
                ).description)
    }

    @Test func aNextTokenHandedOutTwiceEndsTheListing() {
        let client = client("looping-pages")
        var pages = 0
        let result = Result { () throws(CloudError) in
            try SynchronousWait.run { () async throws(CloudError) -> Int in
                var count = 0
                try await client.paginate("ListStacks") { _ in
                    count += 1
                    return true
                }
                return count
            }
        }
        if case .success(let count) = result { pages = count }
        #expect(pages == 0)
        #expect(result.failureReason?.contains("hands out a NextToken it gave before") == true)
    }

    @Test func aCancelledListingStopsBeforeTheNextPage() async {
        let client = client("endless-pages")
        let listing = Task { () async -> Result<Void, CloudError> in
            do throws(CloudError) {
                try await client.paginate("ListStacks") { _ in true }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        listing.cancel()
        let result = await listing.value
        #expect(result.failureReason == CloudError.cancelled.description)
    }
}

extension Result where Failure == CloudError {
    /// The error's text, `nil` on success.
    var failureReason: String? {
        if case .failure(let error) = self { error.description } else { nil }
    }
}
