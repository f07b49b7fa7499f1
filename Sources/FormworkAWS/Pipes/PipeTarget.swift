import FormworkCore
import OrderedCollections

/// Whether a pipe waits for a function or state machine it invokes.
public enum PipeInvocation: String, Sendable {
    /// Wait for the result (synchronous; a state machine must be `EXPRESS`).
    case requestResponse = "REQUEST_RESPONSE"
    /// Start it and go on (asynchronous).
    case fireAndForget = "FIRE_AND_FORGET"
}

/// Where a pipe delivers events, with CDK's `aws_pipes_targets` grants and parameters.
public struct PipeTarget: Sendable {
    enum Kind: Sendable {
        case function(Function, PipeInvocation)
        case queue(Queue, messageGroupId: String?, messageDeduplicationId: String?)
        case topic(Topic)
        case stateMachine(StateMachine, PipeInvocation)
        case eventBus(EventBus, detailType: String?, source: String?)
        case stream(Stream, partitionKey: String)
        case apiDestination(ApiDestination, http: HttpParameters)
    }

    /// What a pipe adds to the HTTP request of an API destination.
    public struct HttpParameters: Sendable {
        /// Headers added to each request, by name (`HeaderParameters`); values may be fixed text or JSON paths into the event.
        /// None, and the member left out, unless given.
        public var headers: OrderedDictionary<String, String>
        /// Values for the `*` of the destination's endpoint, in order.
        public var pathParameters: [String]
        /// Query string parameters added to each request, by name (`QueryStringParameters`); values may be fixed text or JSON
        /// paths into the event. None, and the member left out, unless given.
        public var queryParameters: OrderedDictionary<String, String>

        /// Parameters added to the destination's requests; `HttpParameters` is written, if empty, even when none is given, as CDK
        /// writes it.
        public init(headers: OrderedDictionary<String, String> = [:], pathParameters: [String] = [], queryParameters: OrderedDictionary<String, String> = [:]) {
            self.headers = headers
            self.pathParameters = pathParameters
            self.queryParameters = queryParameters
        }

        /// `HttpParameters`, written even when empty, as CDK writes it.
        var value: Value {
            var members = OrderedDictionary<String, Value>()
            members["HeaderParameters"] = headers.isEmpty ? nil : .object(headers.mapValues { .string($0) })
            members["PathParameterValues"] = pathParameters.isEmpty ? nil : .array(pathParameters.map { .string($0) })
            members["QueryStringParameters"] = queryParameters.isEmpty ? nil : .object(queryParameters.mapValues { .string($0) })
            return .object(members)
        }
    }

    let kind: Kind
    let input: PipeInput?

    /// Invoke `function`: synchronously unless `invocation` says otherwise, as CDK does.
    public static func function(_ function: Function, invocation: PipeInvocation = .requestResponse, input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(kind: .function(function, invocation), input: input)
    }

    /// Send to `queue`; a FIFO queue needs a `messageGroupId` (a fixed text or a JSON path).
    public static func queue(_ queue: Queue, messageGroupId: String? = nil, messageDeduplicationId: String? = nil, input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(kind: .queue(queue, messageGroupId: messageGroupId, messageDeduplicationId: messageDeduplicationId), input: input)
    }

    /// Publish to `topic`.
    public static func topic(_ topic: Topic, input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(kind: .topic(topic), input: input)
    }

    /// Start an execution of `machine`: asynchronously unless `invocation` says otherwise, as CDK does.
    public static func stateMachine(_ machine: StateMachine, invocation: PipeInvocation = .fireAndForget, input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(kind: .stateMachine(machine, invocation), input: input)
    }

    /// Put events on `bus`, with the detail type and source given (or EventBridge's defaults).
    public static func eventBus(_ bus: EventBus, detailType: String? = nil, source: String? = nil, input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(kind: .eventBus(bus, detailType: detailType, source: source), input: input)
    }

    /// Put records on a Kinesis `stream`, sharded by `partitionKey` (a fixed text or a JSON path).
    public static func stream(_ stream: Stream, partitionKey: String, input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(kind: .stream(stream, partitionKey: partitionKey), input: input)
    }

    /// Call an HTTP endpoint through `destination`, adding `http`'s headers, path and query parameters.
    public static func apiDestination(_ destination: ApiDestination, http: HttpParameters = HttpParameters(), input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(kind: .apiDestination(destination, http: http), input: input)
    }

    var construct: any IdentifiedConstruct {
        switch kind {
        case .function(let function, _): function
        case .queue(let queue, _, _): queue
        case .topic(let topic): topic
        case .stateMachine(let machine, _): machine
        case .eventBus(let bus, _, _): bus
        case .stream(let stream, _): stream
        case .apiDestination(let destination, _): destination
        }
    }

    var arn: Value {
        switch kind {
        case .function(let function, _): function.arn
        case .queue(let queue, _, _): queue.arn
        case .topic(let topic): topic.arn
        case .stateMachine(let machine, _): machine.arn
        case .eventBus(let bus, _, _): bus.arn
        case .stream(let stream, _): stream.arn
        case .apiDestination(let destination, _): destination.arn
        }
    }

    func validate(at scope: ConstructScope) throws(SynthesisError) {
        switch kind {
        case .queue(let queue, let messageGroupId, _) where queue.isFifo && messageGroupId == nil:
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a FIFO queue a pipe sends to needs a messageGroupId")
        case .stateMachine(let machine, .requestResponse) where machine.type != .express:
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "a pipe can wait only for an EXPRESS state machine; make '\(machine.id)' EXPRESS or use invocation: .fireAndForget")
        case .stream(_, let partitionKey) where partitionKey.isEmpty || partitionKey.count > 256:
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a pipe's partitionKey must be 1 to 256 characters")
        default:
            break
        }
    }

    /// What the pipe's role needs to deliver, as CDK grants it.
    var statements: [PolicyStatement] {
        switch kind {
        case .function(let function, _): [PolicyStatement.invoke(function)]
        case .queue(let queue, _, _): QueueGrant.send.statements(for: queue)
        case .topic(let topic): [TopicGrant.publish.statement(for: topic)]
        case .stateMachine(let machine, let invocation): [PolicyStatement.startExecution(machine, waiting: invocation == .requestResponse)]
        case .eventBus(let bus, _, _): [bus.putEventsStatement]
        case .stream(let stream, _): StreamGrant.write.statements(for: stream)
        case .apiDestination(let destination, _): [destination.invokeStatement]
        }
    }

    /// The `TargetParameters` property.
    func parameters(at scope: ConstructScope) throws(SynthesisError) -> Value {
        var parameters = OrderedDictionary<String, Value>()
        switch kind {
        case .function(_, let invocation):
            parameters["LambdaFunctionParameters"] = ["InvocationType": .string(invocation.rawValue)]
        case .queue(_, let messageGroupId, let messageDeduplicationId):
            var queueParameters = OrderedDictionary<String, Value>()
            queueParameters["MessageDeduplicationId"] = messageDeduplicationId.map { .string($0) }
            queueParameters["MessageGroupId"] = messageGroupId.map { .string($0) }
            parameters["SqsQueueParameters"] = .object(queueParameters)
        case .topic:
            break
        case .stateMachine(_, let invocation):
            parameters["StepFunctionStateMachineParameters"] = ["InvocationType": .string(invocation.rawValue)]
        case .eventBus(_, let detailType, let source):
            var busParameters = OrderedDictionary<String, Value>()
            busParameters["DetailType"] = detailType.map { .string($0) }
            busParameters["Source"] = source.map { .string($0) }
            parameters["EventBridgeEventBusParameters"] = .object(busParameters)
        case .stream(_, let partitionKey):
            parameters["KinesisStreamParameters"] = ["PartitionKey": .string(partitionKey)]
        case .apiDestination(_, let http):
            parameters["HttpParameters"] = http.value
        }
        if let input { parameters["InputTemplate"] = .string(try input.template(at: scope)) }
        parameters.sort { $0.key < $1.key }
        return .object(parameters)
    }
}
