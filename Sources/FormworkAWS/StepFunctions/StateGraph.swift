import FormworkCore
import OrderedCollections

/// Renders a chain of states as Amazon States Language, in CDK's order (depth first from the start: a
/// state, what follows it, then its catch handlers), checking the graph on the way, and collects the role's
/// statements in the order CDK's `StateGraph` registers them: a state's own when it is reached, then those of
/// the states after it and of its catch handlers and choices, and only then those of its parallel branches or
/// map item processor (CDK pushes a nested graph's statements up once the state holding it is bound).
struct StateGraph {
    /// The rendered states of the machine and of every branch, by name, for the duplicate check.
    private var rendered: [String: Value] = [:]
    private(set) var statements: [PolicyStatement] = []
    private(set) var requirements: [any IdentifiedConstruct] = []
    /// The label of every distributed map (`nil` for one without), for the child executions' permissions.
    private(set) var distributedMapLabels: [String?] = []
    let path: String
    /// Whether distributed maps write only `resultWriterV2`, ignoring the v1 `resultWriter` (CDK's
    /// `@aws-cdk/aws-stepfunctions:useDistributedMapResultWriterV2`).
    let ignoresResultWriterV1: Bool
    /// Whether an HTTP call's endpoint is written as text (`ApiEndpoint`) instead of `States.Format` of its root
    /// and path (`ApiEndpoint.$`): CDK's `@aws-cdk/aws-stepfunctions-tasks:httpInvokeDynamicJsonPathEndpoint` off.
    let writesStaticApiEndpoints: Bool

    init(path: String, ignoresResultWriterV1: Bool = false, writesStaticApiEndpoints: Bool = false) {
        self.path = path
        self.ignoresResultWriterV1 = ignoresResultWriterV1
        self.writesStaticApiEndpoints = writesStaticApiEndpoints
    }

    /// `{"StartAt": ..., "States": {...}}` of `chain`.
    mutating func render(_ chain: Chain) throws(SynthesisError) -> OrderedDictionary<String, Value> {
        guard !chain.states.isEmpty else {
            throw SynthesisError(.invalidSetting, paths: [path], "a chain of states is empty; list at least one state")
        }
        var states = OrderedDictionary<String, Value>()
        try render(chain, from: 0, into: &states)
        return ["StartAt": .string(chain.states[0].name), "States": .object(states)]
    }

    private mutating func render(_ chain: Chain, from index: Int, into states: inout OrderedDictionary<String, Value>) throws(SynthesisError) {
        guard index < chain.states.count else {
            if index == 0 { throw SynthesisError(.invalidSetting, paths: [path], "a chain of states is empty; list at least one state") }
            return
        }
        let state = chain.states[index]
        let next = index + 1 < chain.states.count ? chain.states[index + 1].name : nil
        if state.isTerminal, let next {
            throw SynthesisError(.invalidSetting, paths: [path], "the state '\(state.name)' ends its branch; '\(next)' after it can never run")
        }
        if let existing = rendered[state.name] {
            // The same state reached again (CDK binds a state, and registers its statements, once), or another state
            // with its name: rendered apart, so that nothing is collected twice and its branches are rendered whole.
            var apart = StateGraph(path: path, ignoresResultWriterV1: ignoresResultWriterV1, writesStaticApiEndpoints: writesStaticApiEndpoints)
            var apartStates = OrderedDictionary<String, Value>()
            var apartNested: [PolicyStatement] = []
            let again = try apart.renderState(state, next: next, into: &apartStates, nested: &apartNested)
            guard again == existing else {
                throw SynthesisError(
                    .invalidSetting, paths: [path], "two different states are named '\(state.name)'; state names must be unique in a state machine")
            }
            return
        }
        var nested: [PolicyStatement] = []
        let value = try renderState(state, next: next, into: &states, nested: &nested)
        rendered[state.name] = value
        states[state.name] = value
        try render(chain, from: index + 1, into: &states)
        for handler in state.catches { try render(handler.handler, from: 0, into: &states) }
        if case .choice(let cases, let otherwise) = state.kind {
            // CDK reaches a choice's otherwise branch before its cases' branches.
            if let otherwise { try render(otherwise, from: 0, into: &states) }
            for choiceCase in cases { try render(choiceCase.next, from: 0, into: &states) }
        }
        // A parallel's branches and a map's item processor are graphs of their own: CDK pushes their statements up
        // to the state machine's after everything this state leads to.
        statements += nested
    }

    /// `{"StartAt": ..., "States": {...}}` of a parallel's branch or a map's item processor, its statements (and
    /// those of the graphs nested in it) added to `nested` rather than to ``statements``.
    private mutating func renderNested(_ chain: Chain, nested: inout [PolicyStatement]) throws(SynthesisError) -> OrderedDictionary<String, Value> {
        let outer = statements
        statements = []
        let document = try render(chain)
        nested += statements
        statements = outer
        return document
    }

    /// The state's JSON; the statements of its task (or distributed map) added to ``statements``, those of its branches
    /// or item processor to `nested`.
    private mutating func renderState(
        _ state: State, next: String?, into states: inout OrderedDictionary<String, Value>, nested: inout [PolicyStatement]
    ) throws(SynthesisError) -> Value {
        if !state.canRecover, !state.retries.isEmpty || !state.catches.isEmpty {
            throw SynthesisError(.invalidSetting, paths: [path], "the state '\(state.name)' cannot retry or catch; only Task, Parallel and Map states can")
        }
        var members = OrderedDictionary<String, Value>()
        func transition() {
            if let next { members["Next"] = .string(next) } else if !state.isTerminal { members["End"] = true }
        }
        func recovery() {
            if !state.retries.isEmpty {
                let ordered = state.retries.filter { !$0.errors.contains("States.ALL") } + state.retries.filter { $0.errors.contains("States.ALL") }
                members["Retry"] = .array(ordered.map(\.value))
            }
            if !state.catches.isEmpty {
                let ordered = state.catches.filter { !$0.errors.contains("States.ALL") } + state.catches.filter { $0.errors.contains("States.ALL") }
                members["Catch"] = .array(
                    ordered.map { handler in
                        var entry: OrderedDictionary<String, Value> = ["ErrorEquals": .array(handler.errors.map { .string($0) })]
                        entry["ResultPath"] = handler.resultPath.map(State.resultPathValue)
                        entry["Next"] = .string(handler.handler.states.first?.name ?? "")
                        return .object(entry)
                    })
            }
        }
        func comment() {
            members["Comment"] = state.comment.map { .string($0) }
        }
        func inputOutput() {
            members["InputPath"] = state.inputPath.map { .string($0) }
            members["OutputPath"] = state.outputPath.map { .string($0) }
        }
        func resultPath() {
            members["ResultPath"] = state.resultPath.map(State.resultPathValue)
        }
        func mapState(itemsPath: String?, itemSelector: Value?, processorConfig: Value, processor: Chain, maxConcurrency: Int?) throws(SynthesisError) {
            members["Type"] = "Map"
            comment()
            resultPath()
            transition()
            inputOutput()
            recovery()
            members["ItemsPath"] = itemsPath.map { .string($0) }
            members["ItemSelector"] = itemSelector
            var itemProcessor: OrderedDictionary<String, Value> = ["ProcessorConfig": processorConfig]
            for (key, value) in try renderNested(processor, nested: &nested) { itemProcessor[key] = value }
            members["ItemProcessor"] = .object(itemProcessor)
            members["MaxConcurrency"] = maxConcurrency.map { .number(Double($0)) }
        }
        // Each state's keys in the order CDK's `toStateJson` writes them: the definition is compared as text.
        switch state.kind {
        case .task(let integration):
            transition()
            recovery()
            members["Type"] = "Task"
            comment()
            inputOutput()
            resultPath()
            members["Resource"] = integration.resource
            members["Parameters"] = integration.parameters
            if writesStaticApiEndpoints, let endpoint = integration.staticApiEndpoint, case .object(var parameters)? = integration.parameters,
                let index = parameters.index(forKey: "ApiEndpoint.$")
            {
                // The same place in the parameters, under the plain key.
                parameters.updateValue(.string(endpoint), forKey: "ApiEndpoint", insertingAt: index)
                parameters.removeValue(forKey: "ApiEndpoint.$")
                members["Parameters"] = .object(parameters)
            }
            statements += integration.statements
            requirements += integration.requirements
        case .parallel(let branches):
            members["Type"] = "Parallel"
            comment()
            resultPath()
            transition()
            inputOutput()
            recovery()
            var rendered: [Value] = []
            for branch in branches { rendered.append(.object(try renderNested(branch, nested: &nested))) }
            members["Branches"] = .array(rendered)
        case .map(let itemsPath, let itemSelector, let maxConcurrency, let processor):
            try mapState(
                itemsPath: itemsPath, itemSelector: itemSelector, processorConfig: ["Mode": "INLINE"], processor: processor, maxConcurrency: maxConcurrency)
        case .distributedMap(var map):
            if ignoresResultWriterV1 { map.resultWriter = nil }
            try map.validate(state: state.name, path: path)
            statements += map.statements
            requirements += map.requirements
            try mapState(
                itemsPath: map.itemsPath, itemSelector: map.itemSelector,
                processorConfig: ["Mode": "DISTRIBUTED", "ExecutionType": .string(map.executionType.rawValue)],
                processor: map.processor, maxConcurrency: map.maxConcurrency)
            members.merge(map.trailingMembers) { _, new in new }
            distributedMapLabels.append(map.label)
        case .pass(let result, let parameters):
            members["Type"] = "Pass"
            comment()
            members["Result"] = result
            resultPath()
            members["InputPath"] = state.inputPath.map { .string($0) }
            members["Parameters"] = parameters
            members["OutputPath"] = state.outputPath.map { .string($0) }
            transition()
        case .wait(let time):
            members["Type"] = "Wait"
            comment()
            switch time {
            case .seconds(let seconds): members["Seconds"] = .number(Double(seconds))
            case .timestamp(let timestamp): members["Timestamp"] = .string(timestamp)
            case .secondsPath(let path): members["SecondsPath"] = .string(path)
            case .timestampPath(let path): members["TimestampPath"] = .string(path)
            }
            inputOutput()
            transition()
        case .choice(let cases, let otherwise):
            guard !cases.isEmpty else {
                throw SynthesisError(.invalidSetting, paths: [path], "the choice '\(state.name)' has no case; add at least one")
            }
            members["Type"] = "Choice"
            comment()
            inputOutput()
            members["Choices"] = .array(
                cases.map { choiceCase in
                    guard case .object(var rule) = choiceCase.condition.value else { return choiceCase.condition.value }
                    rule["Next"] = .string(choiceCase.next.states.first?.name ?? "")
                    return .object(rule)
                })
            members["Default"] = otherwise.map { .string($0.states.first?.name ?? "") }
        case .succeed:
            members["Type"] = "Succeed"
            comment()
            inputOutput()
        case .fail(let error, let cause):
            members["Type"] = "Fail"
            comment()
            members["Error"] = error.map { .string($0) }
            members["Cause"] = cause.map { .string($0) }
        }
        return .object(members)
    }
}
