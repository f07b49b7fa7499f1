import FormworkCore

/// A topic receives asynchronous invocation records and failed batches as published messages (the sender may
/// publish to it).
extension Topic: InvocationDestination, FailedRecordDestination {
    /// Published to the topic.
    public var invocationBinding: IntegrationBinding { publishBinding }

    /// Published to the topic.
    public var failedRecordBinding: IntegrationBinding { publishBinding }

    private var publishBinding: IntegrationBinding {
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
