import FormworkCore
import FormworkL1
import OrderedCollections

/// What an EventBridge Scheduler schedule invokes, with CDK's `aws_scheduler_targets` behaviour: a role per
/// target shared stack-wide, the target's action granted to it, a retry policy always written (185 attempts
/// and a day unless given), and an optional dead-letter queue.
public struct SchedulerTarget: Sendable {
    /// What is invoked (`Arn`), and what the target's role is granted on it: a function, a topic, a state
    /// machine, a queue (``QueueScheduleTarget`` for a FIFO queue's message group), or any other
    /// ``ScheduleTargetDestination``.
    public var destination: any ScheduleTargetDestination
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
    public init(
        _ destination: some ScheduleTargetDestination, input: String? = nil, deadLetterQueue: Queue? = nil, retryAttempts: Int? = nil,
        maxEventAge: Duration? = nil
    ) {
        self.destination = destination
        self.input = input
        self.deadLetterQueue = deadLetterQueue
        self.retryAttempts = retryAttempts
        self.maxEventAge = maxEventAge
    }

    /// The destination's binding for the schedule at `scope`, after checking the target's own settings.
    func binding(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<ScheduleTargetParameters> {
        try PropertyChecks.check(retryAttempts, in: 0...185, "retryAttempts", at: scope)
        try PropertyChecks.check(maxEventAge?.wholeSeconds, in: 60...86_400, "maxEventAge", unit: " s", at: scope)
        return try destination.scheduleTarget(at: scope)
    }

    /// The `Target` property for `binding`, with `role` as the role and the binding's parameters.
    func property(_ binding: IntegrationBinding<ScheduleTargetParameters>, role: Role) -> CfnScheduler.Schedule.Target {
        let parameters = binding.parameters
        return CfnScheduler.Schedule.Target(
            arn: binding.arn,
            deadLetterConfig: deadLetterQueue.map { CfnScheduler.Schedule.DeadLetterConfig(arn: $0.arn) },
            ecsParameters: parameters.ecsParameters,
            eventBridgeParameters: parameters.eventBridgeParameters,
            input: input.map { .string($0) },
            kinesisParameters: parameters.kinesisParameters,
            retryPolicy: CfnScheduler.Schedule.RetryPolicy(
                maximumEventAgeInSeconds: .number(Double(maxEventAge?.wholeSeconds ?? 86_400)),
                maximumRetryAttempts: .number(Double(retryAttempts ?? 185))),
            roleArn: role.arn,
            sageMakerPipelineParameters: parameters.sageMakerPipelineParameters,
            sqsParameters: parameters.sqsParameters)
    }
}
