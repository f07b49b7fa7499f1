import FormworkCore
import OrderedCollections

extension Function {
    /// Where the result of an asynchronous invocation goes. Indirect: a function can be another's destination.
    public indirect enum Destination: Sendable {
        case queue(Queue)
        case topic(Topic)
        case function(Function)
        /// Put on an event bus: an event with the request, the response and the invocation's details.
        case eventBus(EventBus)

        var arn: Value {
            switch self {
            case .queue(let queue): queue.arn
            case .topic(let topic): topic.arn
            case .function(let function): function.arn
            case .eventBus(let bus): bus.arn
            }
        }

        var construct: any IdentifiedConstruct {
            switch self {
            case .queue(let queue): queue
            case .topic(let topic): topic
            case .function(let function): function
            case .eventBus(let bus): bus
            }
        }

        /// What the function's role needs to deliver there, as CDK grants it.
        var statements: [PolicyStatement] {
            switch self {
            case .queue(let queue): QueueGrant.send.statements(for: queue)
            case .topic(let topic): [TopicGrant.publish.statement(for: topic)]
            case .function(let function): [.invoke(function)]
            case .eventBus(let bus): [bus.putEventsStatement]
            }
        }
    }

    /// How asynchronous invocations are retried and where their results go (`AWS::Lambda::EventInvokeConfig`).
    public struct AsyncInvocation: Sendable {
        public var onSuccess: Destination?
        public var onFailure: Destination?
        public var retryAttempts: Int?
        public var maxEventAge: Duration?

        public init(onSuccess: Destination? = nil, onFailure: Destination? = nil, retryAttempts: Int? = nil, maxEventAge: Duration? = nil) {
            self.onSuccess = onSuccess
            self.onFailure = onFailure
            self.retryAttempts = retryAttempts
            self.maxEventAge = maxEventAge
        }
    }

    /// Declares the invocation settings: dead-letter queue, log group and asynchronous invocation config.
    func declareInvocationSettings(in scope: ConstructScope) throws(SynthesisError) {
        if let deadLetterQueue {
            scope.require(deadLetterQueue)
            scope.contribute(PolicyStatement(actions: ["sqs:SendMessage"], resources: [deadLetterQueue.arn]), to: role, as: Role.defaultPolicyStatements)
        }
        if let logRetention {
            try scope.add(LogGroup("LogGroup", logGroupName: "/aws/lambda/\(name)", retention: logRetention))
        } else if scope.defaults.isEnabled(.lambdaUseCdkManagedLogGroup) {
            // CDK's managed log group: the function's own, retained, with CDK's default two years.
            try scope.add(LogGroup("LogGroup", logGroupName: "/aws/lambda/\(name)"))
        }
        guard let asyncInvocation else { return }
        try PropertyChecks.check(asyncInvocation.retryAttempts, in: 0...2, "retryAttempts", at: scope)
        try PropertyChecks.check(asyncInvocation.maxEventAge?.wholeSeconds, in: 60...21_600, "maxEventAge", unit: " s", at: scope)
        var destinations = OrderedDictionary<String, Value>()
        for (key, destination) in [("OnFailure", asyncInvocation.onFailure), ("OnSuccess", asyncInvocation.onSuccess)] {
            guard let destination else { continue }
            scope.require(destination.construct)
            for statement in destination.statements { scope.contribute(statement, to: role, as: Role.defaultPolicyStatements) }
            destinations[key] = ["Destination": destination.arn]
        }
        var properties = OrderedDictionary<String, Value>()
        properties["DestinationConfig"] = destinations.isEmpty ? nil : .object(destinations)
        properties["FunctionName"] = name
        properties["MaximumEventAgeInSeconds"] = asyncInvocation.maxEventAge.map { .number(Double($0.wholeSeconds)) }
        properties["MaximumRetryAttempts"] = asyncInvocation.retryAttempts.map { .number(Double($0)) }
        properties["Qualifier"] = "$LATEST"
        try scope.child("EventInvokeConfig").declareResource("AWS::Lambda::EventInvokeConfig", properties: properties)
    }
}
