import Foundation

/// How often and after what pause a failed request is tried again: bounded exponential backoff with full
/// jitter (each pause is random between zero and `baseDelay × 2^attempt`, capped at `maxDelay`), as the AWS
/// SDKs do. Throttling, 5xx answers, timeouts and lost connections are retried; nothing else is.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The ceiling, in seconds, of the pause after the first failed attempt; it doubles after each further one.
    public var baseDelay: TimeInterval
    /// The most, in seconds, the ceiling of a pause grows to.
    public var maxDelay: TimeInterval
    /// The time allowed for one attempt.
    public var timeout: TimeInterval

    /// A policy of `maxAttempts` attempts (default 8, at least 1), pauses from `baseDelay` (default 0.3 s)
    /// doubling up to `maxDelay` (default 20 s), and `timeout` seconds per attempt (default 30). The default
    /// waits about 19 s in all before its last attempt, on average: a throttling burst of several seconds is
    /// ridden out, as the CDK CLI's clients do.
    public init(maxAttempts: Int = 8, baseDelay: TimeInterval = 0.3, maxDelay: TimeInterval = 20, timeout: TimeInterval = 30) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.timeout = timeout
    }

    /// The default for AWS APIs.
    public static let standard = RetryPolicy()

    /// The pause before attempt `attempt + 1` (attempt counts from 0), given a random number in `0..<1`.
    public func delay(afterAttempt attempt: Int, random: Double) -> TimeInterval {
        let ceiling = min(maxDelay, baseDelay * pow(2, Double(min(attempt, 30))))
        return ceiling * random
    }

    /// Whether `error` is worth another attempt.
    public static func isRetryable(_ error: CloudError) -> Bool {
        switch error {
        case .timeout, .network: true
        case .service(let serviceError): serviceError.isRetryable
        default: false
        }
    }

    /// Runs `operation` until it succeeds, fails with an error that is not retryable, or the attempts run out
    /// (the last error is thrown).
    public func run<T: Sendable>(_ operation: () async throws(CloudError) -> T) async throws(CloudError) -> T {
        var attempt = 0
        while true {
            do {
                return try await operation()
            } catch {
                attempt += 1
                guard attempt < maxAttempts, Self.isRetryable(error), !Task.isCancelled else { throw error }
                let pause = delay(afterAttempt: attempt - 1, random: Double.random(in: 0..<1))
                try? await Task.sleep(nanoseconds: UInt64(pause * 1_000_000_000))
            }
        }
    }
}
