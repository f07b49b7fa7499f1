import Formwork

/// The Shop's functions: Node.js 24 handlers from the asset folders under `handlers/`, sized (256 MB: the
/// handlers are I/O-bound), traced, with a month of logs.
enum Handlers {
    /// A function running `handler` of the asset folder `folder` (`api`, `events`, `booking`, ...); a function
    /// invoked asynchronously (by a rule or a bucket) keeps the events it fails on in `asyncFailures`.
    static func function(
        _ id: String, _ folder: String, _ handler: String, timeout: Duration = .seconds(10),
        environment: OrderedDictionary<String, Value> = [:], asyncFailures: Queue? = nil
    ) -> Function {
        Function(
            id, runtime: .nodejs24, handler: "index.\(handler)", code: .asset("Examples/Shop/handlers/\(folder)"),
            memorySize: memorySize, timeout: timeout, environment: environment, tracing: .active, logRetention: .oneMonth,
            asyncInvocation: asyncFailures.map { .init(onFailure: .queue($0)) })
    }

    /// The memory of every Shop function, in MB.
    static let memorySize = 256

    /// Scope-wide: the functions of a component called synchronously (by an API, a queue or stream poller, or
    /// a state machine) need no dead-letter queue; their callers see the errors and retry.
    static func calledSynchronously(by caller: String) -> Suppression {
        Suppression(.functionDeadLetter, reason: "Called synchronously by \(caller), which sees the errors and retries")
    }

    /// A queue that keeps what could not be delivered or processed for two weeks, encrypted and TLS-only.
    static func failures(_ id: String) -> Queue {
        Queue(id, retention: .days(14), encryption: .sqsManaged, enforceSSL: true)
    }
}
