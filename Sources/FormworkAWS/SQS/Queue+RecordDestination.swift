import FormworkCore

/// A queue receives asynchronous invocation records and failed batches as messages (the sender may send to it).
extension Queue: InvocationDestination, FailedRecordDestination {
    /// Sent to the queue.
    public var invocationBinding: IntegrationBinding<Void> { sendBinding }

    /// Sent to the queue.
    public var failedRecordBinding: IntegrationBinding<Void> { sendBinding }

    private var sendBinding: IntegrationBinding<Void> {
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
