import FormworkCore
import OrderedCollections

/// What an EventBridge Scheduler schedule invokes, with CDK's `aws_scheduler_targets` behaviour: a role per
/// target shared stack-wide, the target's action granted to it, a retry policy always written (185 attempts
/// and a day unless given), and an optional dead-letter queue.
public struct SchedulerTarget: Sendable {
    /// The resource invoked.
    public enum Destination: Sendable {
        /// Invoke a function (`LambdaInvoke`).
        case function(Function)
        /// Send a message to a queue (`SqsSendMessage`); `messageGroupId` for a FIFO queue.
        case queue(Queue, messageGroupId: String? = nil)
        /// Publish to a topic (`SnsPublish`).
        case topic(Topic)
        /// Start an execution (`StepFunctionsStartExecution`).
        case stateMachine(StateMachine)
    }

    /// The resource invoked (`Arn`), and the action the target's role is granted on it.
    public var destination: Destination
    /// The text passed to the target as its input.
    public var input: String?
    /// Where Scheduler sends the event when every retry has failed (`DeadLetterConfig`); the target's role may send to it.
    /// `nil` (the default) writes none, and such events are dropped.
    public var deadLetterQueue: Queue?
    /// Retries before giving up (0–185); 185 when not given.
    public var retryAttempts: Int?
    /// How long to keep retrying (1 minute to 1 day); a day when not given.
    public var maxEventAge: Duration?

    /// A target invoking `destination`; a FIFO queue needs a `messageGroupId` and content-based deduplication.
    public init(_ destination: Destination, input: String? = nil, deadLetterQueue: Queue? = nil, retryAttempts: Int? = nil, maxEventAge: Duration? = nil) {
        self.destination = destination
        self.input = input
        self.deadLetterQueue = deadLetterQueue
        self.retryAttempts = retryAttempts
        self.maxEventAge = maxEventAge
    }

    /// The construct invoked, its ARN, and whether that ARN is a `Ref` (else `Fn::GetAtt ... Arn`).
    var invoked: (construct: any IdentifiedConstruct, arn: Value, isRef: Bool) {
        switch destination {
        case .function(let function): (function, function.arn, false)
        case .queue(let queue, _): (queue, queue.arn, false)
        case .topic(let topic): (topic, topic.arn, true)
        case .stateMachine(let machine): (machine, machine.arn, true)
        }
    }

    /// The statement the role needs to invoke the target, as CDK writes it.
    var statement: PolicyStatement {
        switch destination {
        case .function(let function): .invoke(function)
        case .queue(let queue, _): PolicyStatement(actions: ["sqs:SendMessage"], resources: [queue.arn])
        case .topic(let topic): TopicGrant.publish.statement(for: topic)
        case .stateMachine(let machine): .startExecution(machine)
        }
    }

    func validate(at scope: ConstructScope) throws(SynthesisError) {
        if case .queue(let queue, let messageGroupId) = destination {
            if queue.isFifo, queue.contentBasedDeduplication != true {
                throw SynthesisError(
                    .invalidSetting, paths: [scope.path],
                    "a FIFO queue a schedule sends to needs contentBasedDeduplication: true (Scheduler sends no deduplication id)")
            }
            if queue.isFifo, messageGroupId == nil {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "a FIFO queue a schedule sends to needs a messageGroupId")
            }
        }
        try PropertyChecks.check(retryAttempts, in: 0...185, "retryAttempts", at: scope)
        try PropertyChecks.check(maxEventAge?.wholeSeconds, in: 60...86_400, "maxEventAge", unit: " s", at: scope)
    }

    /// The `Target` property, with `role` as the role.
    func value(role: Role) -> Value {
        var target = OrderedDictionary<String, Value>()
        target["Arn"] = invoked.arn
        target["DeadLetterConfig"] = deadLetterQueue.map { ["Arn": $0.arn] }
        target["Input"] = input.map { .string($0) }
        target["RetryPolicy"] = [
            "MaximumEventAgeInSeconds": .number(Double(maxEventAge?.wholeSeconds ?? 86_400)),
            "MaximumRetryAttempts": .number(Double(retryAttempts ?? 185)),
        ]
        target["RoleArn"] = role.arn
        if case .queue(_, let messageGroupId) = destination {
            target["SqsParameters"] = .object(messageGroupId.map { ["MessageGroupId": .string($0)] } ?? [:])
        }
        return .object(target)
    }
}
