import Foundation

/// Credentials kept between requests and resolved again five minutes before they expire, so a long diff or
/// deploy never signs with an expired token. Concurrent requests share one resolution.
public actor RefreshingCredentials {
    /// Gets fresh credentials: the credential chain's resolution, or an `AssumeRole` call for a role's.
    public typealias Resolve = @Sendable () async throws(CloudError) -> AWSCredentials

    private let resolve: Resolve
    private var cached: AWSCredentials?
    /// Callers waiting for a resolution under way; `nil` when none is.
    private var waiting: [CheckedContinuation<Result<AWSCredentials, CloudError>, Never>]?
    private let margin: TimeInterval

    /// Credentials from `resolve`, called again when the last ones expire within `margin` seconds.
    public init(margin: TimeInterval = 300, _ resolve: @escaping Resolve) {
        self.margin = margin
        self.resolve = resolve
    }

    /// Credentials that stay valid for at least the margin. The resolution runs in the caller's task (no
    /// task of its own), so it keeps the caller's executor.
    public func current() async throws(CloudError) -> AWSCredentials {
        if let cached, !cached.expire(within: margin) { return cached }
        if waiting != nil {
            return try await withCheckedContinuation { waiting?.append($0) }.get()
        }
        waiting = []
        let outcome: Result<AWSCredentials, CloudError>
        do throws(CloudError) {
            outcome = .success(try await resolve())
        } catch {
            outcome = .failure(error)
        }
        if case .success(let fresh) = outcome { cached = fresh }
        for waiter in waiting ?? [] { waiter.resume(returning: outcome) }
        waiting = nil
        return try outcome.get()
    }
}
