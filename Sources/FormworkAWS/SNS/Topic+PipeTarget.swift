import FormworkCore

/// A topic as a pipe's target (CDK's `SnsTopic` of `aws_pipes_targets`): each event published.
extension Topic: PipeTargetDestination {
    /// Publishes (`sns:Publish`); no target parameters.
    public func pipeTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding {
        IntegrationBinding(to: self, arn: arn, statements: [TopicGrant.publish.statement(for: self)])
    }
}

extension PipeTarget {
    /// Publish to `topic`.
    public static func topic(_ topic: Topic, input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(topic, input: input)
    }
}
