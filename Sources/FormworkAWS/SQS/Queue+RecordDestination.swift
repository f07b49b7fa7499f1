import FormworkCore

/// A queue receives asynchronous invocation records and failed batches as messages (the sender may send to it).
extension Queue: InvocationDestination, FailedRecordDestination {
    /// Sent to the queue.
    public var invocationBinding: IntegrationBinding { sendBinding }

    /// Sent to the queue.
    public var failedRecordBinding: IntegrationBinding { sendBinding }

    private var sendBinding: IntegrationBinding {
        IntegrationBinding(to: self, arn: arn, statements: QueueGrant.send.statements(for: self))
    }
}

extension InvocationDestination where Self == Queue {
    /// Sent to `queue` (`SqsDestination`).
    public static func queue(_ queue: Queue) -> Queue { queue }
}

extension FailedRecordDestination where Self == Queue {
    /// Sent to `queue` (`SqsDlq`).
    public static func queue(_ queue: Queue) -> Queue { queue }
}
