import FormworkCore
import FormworkL1

/// A Kinesis stream as a pipe's target (CDK's `KinesisStream` of `aws_pipes_targets`): each event put as a record,
/// sharded by a partition key.
public struct StreamPipeTarget: PipeTargetDestination {
    /// The stream records are put on.
    public var stream: Stream
    /// The partition key (fixed text or a JSON path), 1 to 256 characters.
    public var partitionKey: String

    /// Puts records on `stream` sharded by `partitionKey`.
    public init(_ stream: Stream, partitionKey: String) {
        self.stream = stream
        self.partitionKey = partitionKey
    }

    /// Puts records (the stream's write grant).
    public func pipeTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeTargetParameters> {
        guard (1...256).contains(partitionKey.count) else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a pipe's partitionKey must be 1 to 256 characters")
        }
        return IntegrationBinding(
            to: stream, arn: stream.arn, statements: StreamGrant.write.statements(for: stream),
            parameters: CfnPipes.Pipe.PipeTargetParameters(
                kinesisStreamParameters: CfnPipes.Pipe.PipeTargetKinesisStreamParameters(partitionKey: .string(partitionKey))))
    }
}

extension PipeTarget {
    /// Put records on a Kinesis `stream`, sharded by `partitionKey` (a fixed text or a JSON path).
    public static func stream(_ stream: Stream, partitionKey: String, input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(StreamPipeTarget(stream, partitionKey: partitionKey), input: input)
    }
}
