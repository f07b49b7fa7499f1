import FormworkCore
import FormworkL1

/// A table's stream as a pipe's source (CDK's `DynamoDBSource`): its change records, read as `reading` says.
public struct TableStreamPipeSource: PipeEventSource {
    /// The table, which must have a stream.
    public var table: Table
    /// How the stream is read.
    public var reading: PipeSource.Reading

    /// Reads `table`'s stream as `reading` says.
    public init(_ table: Table, _ reading: PipeSource.Reading) {
        self.table = table
        self.reading = reading
    }

    /// Reads the stream (the table's stream-read grant); `DynamoDBStreamParameters` holds the reading.
    public func pipeSource(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeSourceParameters> {
        guard table.stream != nil else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "the table '\(table.id)' has no stream; set its stream view (stream: .newImage)")
        }
        return try reading.binding(
            of: table, arn: table.streamArn, readStatements: TableGrant.streamRead.statements(for: table),
            parameters: CfnPipes.Pipe.PipeSourceParameters(dynamoDBStreamParameters: reading.dynamoDBStreamParameters), at: scope)
    }
}

extension PipeSource {
    /// The stream of `table`, which must have one.
    public static func dynamoDBStream(_ table: Table, _ reading: Reading) -> PipeSource {
        PipeSource(TableStreamPipeSource(table, reading))
    }
}
