import FormworkCore
import FormworkL1

/// A topic as a pipe's target (CDK's `SnsTopic` of `aws_pipes_targets`): each event published.
extension Topic: PipeTargetDestination {
    /// Publishes (`sns:Publish`); no target parameters.
    public func pipeTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeTargetParameters> {
        IntegrationBinding(to: self, arn: arn, statements: [TopicGrant.publish.statement(for: self)], parameters: CfnPipes.Pipe.PipeTargetParameters())
    }
}

extension PipeTarget {
    /// Publish to `topic`.
    public static func topic(_ topic: Topic, input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(topic, input: input)
    }
}
