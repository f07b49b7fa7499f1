import Foundation

/// Credentials kept between requests and resolved again five minutes before they expire, so a long diff or
/// deploy never signs with an expired token. Concurrent requests share one resolution.
public actor RefreshingCredentials {
    public typealias Resolve = @Sendable () async throws(CloudError) -> AWSCredentials

    private let resolve: Resolve
    private var cached: AWSCredentials?
    private var inFlight: Task<AWSCredentials, any Error>?
    private let margin: TimeInterval

    /// Credentials from `resolve`, called again when the last ones expire within `margin` seconds.
    public init(margin: TimeInterval = 300, _ resolve: @escaping Resolve) {
        self.margin = margin
        self.resolve = resolve
    }

    /// Credentials that stay valid for at least the margin.
    public func current() async throws(CloudError) -> AWSCredentials {
        if let cached, !cached.expire(within: margin) { return cached }
        let task = inFlight ?? Task { [resolve] in try await resolve() }
        inFlight = task
        defer { inFlight = nil }
        do {
            let fresh = try await task.value
            cached = fresh
            return fresh
        } catch let error as CloudError {
            throw error
        } catch {
            throw .invalidCredentials(source: "the credential chain", reason: "\(error)")
        }
    }
}
