import FormworkCore
import FormworkL1

/// A Kinesis stream as a pipe's source (CDK's `KinesisSource`): its records, read as `reading` says.
public struct StreamPipeSource: PipeEventSource {
    /// The stream read.
    public var stream: Stream
    /// How the stream is read.
    public var reading: PipeSource.Reading

    /// Reads `stream` as `reading` says.
    public init(_ stream: Stream, _ reading: PipeSource.Reading) {
        self.stream = stream
        self.reading = reading
    }

    /// Reads the stream (its read grant); `KinesisStreamParameters` holds the reading.
    public func pipeSource(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeSourceParameters> {
        try reading.binding(
            of: stream, arn: stream.arn, readStatements: StreamGrant.read.statements(for: stream),
            parameters: CfnPipes.Pipe.PipeSourceParameters(kinesisStreamParameters: reading.kinesisStreamParameters), at: scope)
    }
}

extension PipeSource {
    /// The records of a Kinesis `stream`.
    public static func kinesisStream(_ stream: Stream, _ reading: Reading) -> PipeSource {
        PipeSource(StreamPipeSource(stream, reading))
    }
}
