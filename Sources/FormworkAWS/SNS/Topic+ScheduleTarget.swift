import FormworkCore

/// A topic as a schedule's target (CDK's `SnsPublish`): the schedule's input is published, the role allowed `sns:Publish`.
extension Topic: ScheduleTargetDestination {
    /// Publishes to the topic.
    public func scheduleTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<ScheduleTargetParameters> {
        IntegrationBinding(to: self, arn: arn, statements: [TopicGrant.publish.statement(for: self)], parameters: ScheduleTargetParameters())
    }
}

extension ScheduleTargetDestination where Self == Topic {
    /// Publishes to `topic` (`SnsPublish`).
    public static func topic(_ topic: Topic) -> Topic { topic }
}
