import FormworkCore
import OrderedCollections

/// How a function reads a DynamoDB or Kinesis stream: the settings CDK's `DynamoEventSource` and
/// `KinesisEventSource` share.
public struct StreamReading: Sendable {
    /// Where in the stream reading starts.
    public enum StartingPosition: String, Sendable {
        case trimHorizon = "TRIM_HORIZON"
        case latest = "LATEST"
    }

    /// Where records go that failed every retry.
    public enum FailureDestination: Sendable {
        case queue(Queue)
        case topic(Topic)
    }

    public var startingPosition: StartingPosition
    /// Records per batch; 100 unless given, as in CDK (which always writes it).
    public var batchSize: Int
    public var maxBatchingWindow: Duration?
    public var parallelizationFactor: Int?
    public var bisectBatchOnError: Bool?
    public var retryAttempts: Int?
    public var maxRecordAge: Duration?
    public var tumblingWindow: Duration?
    public var reportBatchItemFailures: Bool
    public var onFailure: FailureDestination?
    public var enabled: Bool?

    public init(
        startingPosition: StartingPosition, batchSize: Int = 100, maxBatchingWindow: Duration? = nil,
        parallelizationFactor: Int? = nil, bisectBatchOnError: Bool? = nil, retryAttempts: Int? = nil,
        maxRecordAge: Duration? = nil, tumblingWindow: Duration? = nil, reportBatchItemFailures: Bool = false,
        onFailure: FailureDestination? = nil, enabled: Bool? = nil
    ) {
        self.startingPosition = startingPosition
        self.batchSize = batchSize
        self.maxBatchingWindow = maxBatchingWindow
        self.parallelizationFactor = parallelizationFactor
        self.bisectBatchOnError = bisectBatchOnError
        self.retryAttempts = retryAttempts
        self.maxRecordAge = maxRecordAge
        self.tumblingWindow = tumblingWindow
        self.reportBatchItemFailures = reportBatchItemFailures
        self.onFailure = onFailure
        self.enabled = enabled
    }

    /// Fails on a setting outside what Lambda accepts.
    func validate(at scope: ConstructScope) throws(SynthesisError) {
        try StreamReadingLimits.check(
            batchSize: batchSize, maxBatchingWindow: maxBatchingWindow, parallelizationFactor: parallelizationFactor,
            retryAttempts: retryAttempts, maxRecordAge: maxRecordAge, at: scope)
        try PropertyChecks.check(tumblingWindow?.wholeSeconds, in: 0...900, "tumblingWindow", unit: " s", at: scope)
    }

    /// The constructs the reading needs besides the function and the stream.
    var requiredConstructs: [any IdentifiedConstruct] {
        switch onFailure {
        case .queue(let queue)?: [queue]
        case .topic(let topic)?: [topic]
        case nil: []
        }
    }

    /// The statements that let the function send failed records to the destination.
    var failureDestinationStatements: [PolicyStatement] {
        switch onFailure {
        case .queue(let queue)?: QueueGrant.send.statements(for: queue)
        case .topic(let topic)?: [TopicGrant.publish.statement(for: topic)]
        case nil: []
        }
    }

    /// The mapping's properties for a stream of `streamArn` read by `function`.
    func mappingProperties(streamArn: Value, function: Function) -> OrderedDictionary<String, Value> {
        var properties = OrderedDictionary<String, Value>()
        properties["BatchSize"] = .number(Double(batchSize))
        properties["BisectBatchOnFunctionError"] = bisectBatchOnError.map { .bool($0) }
        switch onFailure {
        case .queue(let queue)?: properties["DestinationConfig"] = ["OnFailure": ["Destination": queue.arn]]
        case .topic(let topic)?: properties["DestinationConfig"] = ["OnFailure": ["Destination": topic.arn]]
        case nil: break
        }
        properties["Enabled"] = enabled.map { .bool($0) }
        properties["EventSourceArn"] = streamArn
        properties["FunctionName"] = function.name
        properties["FunctionResponseTypes"] = reportBatchItemFailures ? ["ReportBatchItemFailures"] : nil
        properties["MaximumBatchingWindowInSeconds"] = maxBatchingWindow.map { .number(Double($0.wholeSeconds)) }
        properties["MaximumRecordAgeInSeconds"] = maxRecordAge.map { .number(Double($0.wholeSeconds)) }
        properties["MaximumRetryAttempts"] = retryAttempts.map { .number(Double($0)) }
        properties["ParallelizationFactor"] = parallelizationFactor.map { .number(Double($0)) }
        properties["StartingPosition"] = .string(startingPosition.rawValue)
        properties["TumblingWindowInSeconds"] = tumblingWindow.map { .number(Double($0.wholeSeconds)) }
        return properties
    }
}

/// A function reading a stream: the event source mapping under the function, at CDK's path
/// (`<Function>/<Kind>EventSource:<stream's unique id>`), and the read and failure-destination grants.
public struct StreamEventSource: Construct {
    /// The stream read.
    enum Source: Sendable {
        case table(Table)
        case kinesis(Stream)
    }

    let function: Function
    let source: Source
    let reading: StreamReading

    public var id: String { "\(function.id)Reads\(sourceConstruct.id)" }

    private var sourceConstruct: any IdentifiedConstruct {
        switch source {
        case .table(let table): table
        case .kinesis(let stream): stream
        }
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try reading.validate(at: scope)
        if case .table(let table) = source, table.stream == nil {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "the table '\(table.id)' has no stream; set its stream view (stream: .newImage)")
        }
        scope.require(function)
        scope.require(sourceConstruct)
        for construct in reading.requiredConstructs { scope.require(construct) }
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let functionScope = try scope.scope(of: function)
            let (kind, streamArn, readStatements): (String, Value, [PolicyStatement]) =
                switch source {
                case .table(let table): ("DynamoDBEventSource", table.streamArn, TableGrant.streamRead.statements(for: table))
                case .kinesis(let stream): ("KinesisEventSource", stream.arn, StreamGrant.read.statements(for: stream))
                }
            let sourceScope = try scope.scope(of: sourceConstruct)
            try functionScope.child("\(kind):\(sourceScope.uniqueId)").declareResource(
                "AWS::Lambda::EventSourceMapping", properties: reading.mappingProperties(streamArn: streamArn, function: function))
            for statement in reading.failureDestinationStatements + readStatements {
                scope.contribute(statement, to: function.role, as: Role.defaultPolicyStatements)
            }
        }
    }
}

extension Function {
    /// This function reading the stream of `table`; list the result in a body.
    public func consumesStream(of table: Table, _ reading: StreamReading) -> StreamEventSource {
        StreamEventSource(function: self, source: .table(table), reading: reading)
    }

    /// This function reading the Kinesis `stream`; list the result in a body.
    public func consumes(_ stream: Stream, _ reading: StreamReading) -> StreamEventSource {
        StreamEventSource(function: self, source: .kinesis(stream), reading: reading)
    }
}
