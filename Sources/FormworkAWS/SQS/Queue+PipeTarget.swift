import FormworkCore
import FormworkL1
import OrderedCollections

/// A queue as a pipe's target (CDK's `SqsQueue` of `aws_pipes_targets`): each event sent as a message.
public struct QueuePipeTarget: PipeTargetDestination {
    /// The queue sent to.
    public var queue: Queue
    /// The message group (fixed text or a JSON path); required for a FIFO queue, `nil` (the default) otherwise.
    public var messageGroupId: String?
    /// The deduplication id (fixed text or a JSON path); `nil` (the default) for none.
    public var messageDeduplicationId: String?

    /// Sends to `queue`, with the group and deduplication ids given.
    public init(_ queue: Queue, messageGroupId: String? = nil, messageDeduplicationId: String? = nil) {
        self.queue = queue
        self.messageGroupId = messageGroupId
        self.messageDeduplicationId = messageDeduplicationId
    }

    /// Sends a message (`sqs:SendMessage`); `SqsQueueParameters` is written, if empty, as CDK writes it.
    public func pipeTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeTargetParameters> {
        if queue.isFifo, messageGroupId == nil {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a FIFO queue a pipe sends to needs a messageGroupId")
        }
        let parameters = CfnPipes.Pipe.PipeTargetSqsQueueParameters(
            messageDeduplicationId: messageDeduplicationId.map(Value.string), messageGroupId: messageGroupId.map(Value.string))
        return IntegrationBinding(
            to: queue, arn: queue.arn, statements: QueueGrant.send.statements(for: queue),
            parameters: CfnPipes.Pipe.PipeTargetParameters(sqsQueueParameters: parameters))
    }
}

extension PipeTarget {
    /// Send to `queue`; a FIFO queue needs a `messageGroupId` (a fixed text or a JSON path).
    public static func queue(_ queue: Queue, messageGroupId: String? = nil, messageDeduplicationId: String? = nil, input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(QueuePipeTarget(queue, messageGroupId: messageGroupId, messageDeduplicationId: messageDeduplicationId), input: input)
    }
}
