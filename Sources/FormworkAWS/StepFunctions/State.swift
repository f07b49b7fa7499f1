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
        /// A `Task` state: calls a service through the integration (`Resource`, `Parameters`), and the state machine's
        /// role gets the integration's permissions.
        case task(TaskIntegration)
        /// A `Pass` state: passes its input on, or `result` in its place (`Result`), or the object `parameters` builds
        /// from it (`Parameters`).
        case pass(result: Value?, parameters: Value?)
        /// A `Wait` state: waits as `WaitTime` says, then continues.
        case wait(WaitTime)
        /// A `Choice` state: goes to the first case whose condition holds (`Choices`), else to `otherwise` (`Default`);
        /// with no case holding and no `otherwise`, the execution fails with `States.NoChoiceMatched`. At least one case.
        case choice(cases: [ChoiceCase], otherwise: Chain?)
        /// A `Parallel` state: runs every branch at once (`Branches`); its output is the list of their outputs.
        case parallel(branches: [Chain])
        /// An inline `Map` state (`ProcessorConfig.Mode: INLINE`): runs `processor` (`ItemProcessor`) for each item of
        /// the array at `itemsPath` (`ItemsPath`; the input itself when `nil`), the item reshaped by `itemSelector`
        /// (`ItemSelector`), at most `maxConcurrency` at once (`MaxConcurrency`; as many as possible when `nil` or 0).
        case map(itemsPath: String?, itemSelector: Value?, maxConcurrency: Int?, processor: Chain)
        /// A distributed `Map` state (`ProcessorConfig.Mode: DISTRIBUTED`): each item, or batch of items, processed by
        /// a child workflow execution.
        case distributedMap(DistributedMap)
        /// A `Succeed` state: ends the execution, or its branch, successfully.
        case succeed
        /// A `Fail` state: ends the execution as failed, with the error name `error` (`Error`) and the message `cause`
        /// (`Cause`); `nil`: not written.
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
        /// The error names the policy applies to (`ErrorEquals`), such as `States.Timeout`, `States.TaskFailed` or a
        /// function's own error; `States.ALL` matches every error, and retries with it are written last.
        public var errors: [String]
        /// How long to wait before the first retry (`IntervalSeconds`, in whole seconds, at least 1); `nil`: not
        /// written, so Step Functions' 1 second.
        public var interval: Duration?
        /// How many retries at most (`MaxAttempts`); 0 never retries. `nil`: not written, so Step Functions' 3.
        public var maxAttempts: Int?
        /// What each wait is multiplied by for the next retry (`BackoffRate`), at least 1.0; `nil`: not written, so Step
        /// Functions' 2.0.
        public var backoffRate: Double?
        /// The longest wait between retries (`MaxDelaySeconds`, in whole seconds); `nil`: not written, so no limit.
        public var maxDelay: Duration?
        /// Whether each wait is a random time up to the computed interval (`JitterStrategy: FULL`), to spread retries
        /// out; `false` unless given, which writes nothing (no jitter).
        public var jitter: Bool

        /// A retry policy on `errors`, every error unless given; each setting left `nil` is Step Functions' default.
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
        /// The error names caught (`ErrorEquals`); `States.ALL` catches every error, and catches with it are written last.
        public var errors: [String]
        /// Where the error output (`Error` and `Cause`) is put in the state's input to form the handler's input
        /// (`ResultPath`); `nil`: not written, so the error output replaces the input.
        public var resultPath: String?
        /// The states run after the error (`Next`: the chain's first state).
        public var handler: Chain
    }

    /// The state's name, its key in `States` and what `Next` names: up to 80 characters, unique in the state machine.
    public var name: String
    /// What the state does: its `Type` and the fields that go with it.
    public var kind: Kind
    /// A note on the state (`Comment`); `nil`: none.
    public var comment: String?
    /// The part of the input the state works on (`InputPath`), a JSON path such as `$.order`; `nil`: not written, so
    /// the whole input (`$`). Not written for `Fail` states.
    public var inputPath: String?
    /// The part of the state's output passed on (`OutputPath`), a JSON path; `nil`: not written, so the whole output
    /// (`$`). Not written for `Fail` states.
    public var outputPath: String?
    /// Where the state's result is put in its input to form its output (`ResultPath`), a JSON path such as
    /// `$.result`, or ``State/discardResult`` to keep the input as the output; `nil`: not written, so the result
    /// replaces the input. For `Task`, `Pass`, `Parallel` and `Map` states.
    public var resultPath: String?

    /// The result path that discards the result, the state's output being its input (CDK's `JsonPath.DISCARD`):
    /// written as `"ResultPath": null`.
    public static let discardResult = "DISCARD"

    /// `ResultPath` as written: `null` for ``discardResult``.
    static func resultPathValue(_ path: String) -> Value {
        path == discardResult ? .null : .string(path)
    }
    /// The retry policies (`Retry`), the ones on `States.ALL` written last; `Task`, `Parallel` and `Map` states only.
    public var retries: [Retry]
    /// The error handlers (`Catch`), the ones on `States.ALL` written last; `Task`, `Parallel` and `Map` states only.
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
    /// The condition on the state's input.
    public var condition: ChoiceCondition
    /// The states run when the condition holds (`Next`: the chain's first state).
    public var next: Chain

    /// A case leading to the chain `next` when `condition` holds.
    public init(_ condition: ChoiceCondition, _ next: Chain) {
        self.condition = condition
        self.next = next
    }

    /// A case leading to the state `next` when `condition` holds.
    public init(_ condition: ChoiceCondition, _ next: State) {
        self.init(condition, Chain(next))
    }
}
