import FormworkCore
import OrderedCollections

/// One state of a state machine, with its retries and catches. Make states with the static factories
/// (`.lambdaInvoke`, `.choice`, `.parallel`, ...) and link them with `next`.
///
/// ```swift
/// let reserve = State.lambdaInvoke("ReserveFlight", function: reserveFlight, outputPath: "$.Payload")
/// let pay = State.lambdaInvoke("ProcessPayment", function: processPayment)
///     .catching(cancelHotel.next(cancelFlight), resultPath: "$.error")
/// reserve.next(pay)
/// ```
public struct State: Sendable {
    /// What the state does.
    public enum Kind: Sendable {
        case task(TaskIntegration)
        case pass(result: Value?, parameters: Value?)
        case wait(WaitTime)
        case choice(cases: [ChoiceCase], otherwise: Chain?)
        case parallel(branches: [Chain])
        case map(itemsPath: String?, itemSelector: Value?, maxConcurrency: Int?, processor: Chain)
        case distributedMap(DistributedMap)
        case succeed
        case fail(error: String?, cause: String?)
    }

    /// How long a `Wait` state waits (CDK's `WaitTime`).
    public enum WaitTime: Sendable {
        /// A number of seconds (`Seconds`).
        case seconds(Int)
        /// Until an ISO 8601 time (`Timestamp`).
        case timestamp(String)
        /// The number of seconds at a path of the input (`SecondsPath`).
        case secondsPath(String)
        /// Until the time at a path of the input (`TimestampPath`).
        case timestampPath(String)

        /// A duration, in whole seconds (CDK's `WaitTime.duration`).
        public static func duration(_ duration: Duration) -> WaitTime {
            .seconds(Int(duration.components.seconds))
        }
    }

    /// A retry policy of a state.
    public struct Retry: Sendable {
        public var errors: [String]
        public var interval: Duration?
        public var maxAttempts: Int?
        public var backoffRate: Double?
        public var maxDelay: Duration?
        public var jitter: Bool

        public init(
            errors: [String] = ["States.ALL"], interval: Duration? = nil, maxAttempts: Int? = nil,
            backoffRate: Double? = nil, maxDelay: Duration? = nil, jitter: Bool = false
        ) {
            self.errors = errors
            self.interval = interval
            self.maxAttempts = maxAttempts
            self.backoffRate = backoffRate
            self.maxDelay = maxDelay
            self.jitter = jitter
        }

        var value: Value {
            var members = OrderedDictionary<String, Value>()
            members["ErrorEquals"] = .array(errors.map { .string($0) })
            members["IntervalSeconds"] = interval.map { .number(Double($0.wholeSeconds)) }
            members["MaxAttempts"] = maxAttempts.map { .number(Double($0)) }
            members["BackoffRate"] = backoffRate.map { .number($0) }
            members["MaxDelaySeconds"] = maxDelay.map { .number(Double($0.wholeSeconds)) }
            members["JitterStrategy"] = jitter ? "FULL" : nil
            return .object(members)
        }
    }

    /// Where a failure goes: the errors caught, where the error is put, and the handler.
    public struct Catch: Sendable {
        public var errors: [String]
        public var resultPath: String?
        public var handler: Chain
    }

    public var name: String
    public var kind: Kind
    public var comment: String?
    public var inputPath: String?
    public var outputPath: String?
    public var resultPath: String?
    public var resultSelector: Value?
    public var timeout: Duration?
    public var retries: [Retry]
    public var catches: [Catch]

    init(
        _ name: String, _ kind: Kind, comment: String? = nil, inputPath: String? = nil, outputPath: String? = nil,
        resultPath: String? = nil, retries: [Retry] = []
    ) {
        self.name = name
        self.kind = kind
        self.comment = comment
        self.inputPath = inputPath
        self.outputPath = outputPath
        self.resultPath = resultPath
        self.retries = retries
        self.catches = []
    }

    /// Whether the state ends its branch by itself (no `Next` or `End` is written for it).
    var isTerminal: Bool {
        switch kind {
        case .choice, .succeed, .fail: true
        default: false
        }
    }

    /// Whether the state can have `Retry` and `Catch`.
    var canRecover: Bool {
        switch kind {
        case .task, .parallel, .map, .distributedMap: true
        default: false
        }
    }
}

extension State {
    /// The same state, retried on `errors` as `retry` says; list retries from the most to the least specific.
    public func retrying(_ retry: Retry) -> State {
        var copy = self
        copy.retries.append(retry)
        return copy
    }

    /// The same state, continuing with `handler` when it fails with one of `errors`, the error put at
    /// `resultPath`.
    public func catching(_ handler: Chain, errors: [String] = ["States.ALL"], resultPath: String? = nil) -> State {
        var copy = self
        copy.catches.append(Catch(errors: errors, resultPath: resultPath, handler: handler))
        return copy
    }

    /// The same state, continuing with `handler` when it fails.
    public func catching(_ handler: State, errors: [String] = ["States.ALL"], resultPath: String? = nil) -> State {
        catching(Chain(handler), errors: errors, resultPath: resultPath)
    }

    /// This state followed by `state`.
    public func next(_ state: State) -> Chain { Chain(self).next(state) }

    /// This state followed by `chain`.
    public func next(_ chain: Chain) -> Chain { Chain(self).next(chain) }

    /// A `Pass` state: passes its input on, or `result`, or `parameters`.
    public static func pass(_ name: String, result: Value? = nil, parameters: Value? = nil, resultPath: String? = nil, comment: String? = nil) -> State {
        State(name, .pass(result: result, parameters: parameters), comment: comment, resultPath: resultPath)
    }

    /// A `Wait` state.
    public static func wait(_ name: String, _ time: WaitTime, comment: String? = nil) -> State {
        State(name, .wait(time), comment: comment)
    }

    /// A `Choice` state: the first case whose condition holds, else `otherwise`.
    public static func choice(_ name: String, _ cases: [ChoiceCase], otherwise: Chain? = nil, comment: String? = nil) -> State {
        State(name, .choice(cases: cases, otherwise: otherwise), comment: comment)
    }

    /// A `Parallel` state running `branches` at once; its output is the list of their outputs.
    public static func parallel(_ name: String, branches: [Chain], resultPath: String? = nil, comment: String? = nil) -> State {
        State(name, .parallel(branches: branches), comment: comment, resultPath: resultPath)
    }

    /// A `Map` state running `processor` for each item at `itemsPath`, the item reshaped by `itemSelector`
    /// (keys ending in `.$` take JSON paths, such as `"orderId.$": "$$.Map.Item.Value.id"`).
    public static func map(
        _ name: String, itemsPath: String? = nil, itemSelector: Value? = nil, maxConcurrency: Int? = nil, processor: Chain,
        resultPath: String? = nil, comment: String? = nil
    ) -> State {
        State(
            name, .map(itemsPath: itemsPath, itemSelector: itemSelector, maxConcurrency: maxConcurrency, processor: processor),
            comment: comment, resultPath: resultPath)
    }

    /// A `Succeed` state.
    public static func succeed(_ name: String, comment: String? = nil) -> State { State(name, .succeed, comment: comment) }

    /// A `Fail` state.
    public static func fail(_ name: String, error: String? = nil, cause: String? = nil, comment: String? = nil) -> State {
        State(name, .fail(error: error, cause: cause), comment: comment)
    }
}

/// One case of a `Choice` state: a condition and where it leads.
public struct ChoiceCase: Sendable {
    public var condition: ChoiceCondition
    public var next: Chain

    public init(_ condition: ChoiceCondition, _ next: Chain) {
        self.condition = condition
        self.next = next
    }

    public init(_ condition: ChoiceCondition, _ next: State) {
        self.init(condition, Chain(next))
    }
}
