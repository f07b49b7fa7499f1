import FormworkTemplate

/// What matching one value against a pattern found: the failures (each at a path into the value) and the
/// values captures recorded on the way (CDK's `MatchResult`).
public struct MatchResult: Sendable {
    /// One place where the value does not match.
    public struct Failure: Sendable, Equatable {
        /// The keys and indices from the matched value down to where it differs.
        public var path: [String]
        /// What was expected and what was found.
        public var message: String
        /// How much the failure counts when the closest of several near misses is chosen; 1 by default.
        public var cost: Int

        /// A failure at `path` with `message`, of `cost`.
        public init(path: [String], message: String, cost: Int = 1) {
            self.path = path
            self.message = message
            self.cost = cost
        }
    }

    /// The value matched; `nil` when the key was missing.
    public let target: JSONValue?
    /// The failures, in the order found.
    public private(set) var failures: [Failure] = []
    /// The values recorded for each capture, applied once the whole match succeeds.
    private(set) var captures: [(capture: Capture, value: JSONValue)] = []

    /// A result of matching `target`, without failures yet.
    public init(target: JSONValue?) {
        self.target = target
    }

    /// Whether the value matched.
    public var isSuccess: Bool { failures.isEmpty }

    /// Whether any failure was recorded (CDK's `hasFailed()`).
    public var hasFailed: Bool { !failures.isEmpty }

    /// The number of failures.
    public var failCount: Int { failures.count }

    /// The summed cost of the failures: the closest near miss is the one of least cost.
    public var failCost: Int { failures.reduce(0) { $0 + $1.cost } }

    /// Records a failure at `path` (relative to the target).
    public mutating func recordFailure(at path: [String], _ message: String, cost: Int = 1) {
        failures.append(Failure(path: path, message: message, cost: cost))
    }

    /// Records a failure (CDK's `recordFailure`).
    public mutating func recordFailure(_ failure: Failure) {
        failures.append(failure)
    }

    /// Records that `capture` matched `value`; kept only if the whole match succeeds.
    public mutating func recordCapture(_ capture: Capture, value: JSONValue) {
        captures.append((capture, value))
    }

    /// Takes the failures and captures of `inner`, the result of matching the member `id` of the target, as
    /// its own, below `id` (CDK's `compose`).
    public mutating func compose(_ id: String, _ inner: MatchResult) {
        compose(path: [id], inner)
    }

    mutating func compose(path: [String], _ inner: MatchResult) {
        failures += inner.failures.map { Failure(path: path + $0.path, message: $0.message, cost: $0.cost) }
        captures += inner.captures
    }

    /// Hands the recorded captures to their ``Capture``s when the match succeeded (CDK's `finished()`).
    public func finished() {
        guard isSuccess else { return }
        for (capture, value) in captures { capture.append(value) }
    }

    /// One line per failure: `Properties.VisibilityTimeout: expected 30, found 180` (CDK's `toHumanStrings`).
    public var humanReadableFailures: [String] {
        failures.map { failure in
            let path = failure.path.isEmpty ? "" : failure.path.joined(separator: ".") + ": "
            return path + failure.message
        }
    }

    /// The failures as a tree, as `formwork diff` draws changes (CDK's `renderMismatch`).
    public func renderMismatch() -> String {
        humanReadableFailures.enumerated().map { index, line in
            (index == failures.count - 1 ? " └─ " : " ├─ ") + "[~] " + line
        }.joined(separator: "\n")
    }
}
