import FormworkCore

/// A topic receives asynchronous invocation records and failed batches as published messages (the sender may
/// publish to it).
extension Topic: InvocationDestination, FailedRecordDestination {
    /// Published to the topic.
    public var invocationBinding: IntegrationBinding<Void> { publishBinding }

    /// Published to the topic.
    public var failedRecordBinding: IntegrationBinding<Void> { publishBinding }

    private var publishBinding: IntegrationBinding<Void> {
        IntegrationBinding(to: self, arn: arn, statements: [TopicGrant.publish.statement(for: self)])
    }
}

extension InvocationDestination where Self == Topic {
    /// Published to `topic` (`SnsDestination`).
    public static func topic(_ topic: Topic) -> Topic { topic }
}

extension FailedRecordDestination where Self == Topic {
    /// Published to `topic` (`SnsDlq`).
    public static func topic(_ topic: Topic) -> Topic { topic }
}
