import FormworkCore
import FormworkL1

/// A queue as a schedule's target (CDK's `SqsSendMessage`), with the message group a FIFO queue needs: the
/// schedule's input is sent as a message, the role allowed `sqs:SendMessage`.
public struct QueueScheduleTarget: ScheduleTargetDestination {
    /// The queue messages are sent to.
    public var queue: Queue
    /// The message group of each message (`SqsParameters.MessageGroupId`); required for a FIFO queue, `nil` (the
    /// default) otherwise.
    public var messageGroupId: String?

    /// Sends to `queue`, in `messageGroupId` when given.
    public init(_ queue: Queue, messageGroupId: String? = nil) {
        self.queue = queue
        self.messageGroupId = messageGroupId
    }

    /// Sends a message; a FIFO queue must deduplicate by content (Scheduler sends no deduplication id) and be given
    /// a message group.
    public func scheduleTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<ScheduleTargetParameters> {
        if queue.isFifo, queue.contentBasedDeduplication != true {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "a FIFO queue a schedule sends to needs contentBasedDeduplication: true (Scheduler sends no deduplication id)")
        }
        if queue.isFifo, messageGroupId == nil {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a FIFO queue a schedule sends to needs a messageGroupId")
        }
        return IntegrationBinding(
            to: queue, arn: queue.arn, statements: [PolicyStatement(actions: ["sqs:SendMessage"], resources: [queue.arn])],
            parameters: ScheduleTargetParameters(sqsParameters: CfnScheduler.Schedule.SqsParameters(messageGroupId: messageGroupId.map(Value.string))))
    }
}

/// A queue itself is a schedule's target without a message group (a standard queue).
extension Queue: ScheduleTargetDestination {
    /// Sends a message to the queue.
    public func scheduleTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<ScheduleTargetParameters> {
        try QueueScheduleTarget(self).scheduleTarget(at: scope)
    }
}

extension ScheduleTargetDestination where Self == QueueScheduleTarget {
    /// Sends to `queue` (`SqsSendMessage`); `messageGroupId` for a FIFO queue.
    public static func queue(_ queue: Queue, messageGroupId: String? = nil) -> QueueScheduleTarget {
        QueueScheduleTarget(queue, messageGroupId: messageGroupId)
    }
}
