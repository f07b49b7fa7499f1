import FormworkCore
import FormworkL1
import OrderedCollections

/// How a function reads a DynamoDB or Kinesis stream: the settings CDK's `DynamoEventSource` and
/// `KinesisEventSource` share.
public struct StreamReading: Sendable {
    /// Where in the stream reading starts.
    public enum StartingPosition: String, Sendable {
        /// From the oldest record still in the stream (`TRIM_HORIZON`).
        case trimHorizon = "TRIM_HORIZON"
        /// From records written after the mapping starts (`LATEST`).
        case latest = "LATEST"
    }

    /// Where reading starts (`StartingPosition`); required.
    public var startingPosition: StartingPosition
    /// Records per batch; 100 unless given, as in CDK (which always writes it).
    public var batchSize: Int
    /// How long Lambda gathers records before calling (`MaximumBatchingWindowInSeconds`, in whole seconds): up
    /// to 5 minutes; `nil`: not written, so no waiting.
    public var maxBatchingWindow: Duration?
    /// How many batches of one shard are processed at once (`ParallelizationFactor`), 1 to 10; `nil`: not
    /// written, so Lambda's 1.
    public var parallelizationFactor: Int?
    /// Whether a failed batch is split in two and each half retried (`BisectBatchOnFunctionError`); `nil`: not
    /// written, so no.
    public var bisectBatchOnError: Bool?
    /// How often a failed batch is retried (`MaximumRetryAttempts`): 0 to 10,000, or -1 for until the record
    /// expires; `nil`: not written, so Lambda's -1.
    public var retryAttempts: Int?
    /// The age beyond which a record is not sent to the function (`MaximumRecordAgeInSeconds`): 1 minute to 7
    /// days, in whole seconds; `nil`: not written, so until the record leaves the stream.
    public var maxRecordAge: Duration?
    /// The length of the windows the function aggregates state over (`TumblingWindowInSeconds`, in whole
    /// seconds): up to 15 minutes; `nil`: not written, so none.
    public var tumblingWindow: Duration?
    /// Whether the function may report the first failed record of a batch, so that retries start there
    /// (`FunctionResponseTypes: [ReportBatchItemFailures]`); `false` unless given.
    public var reportBatchItemFailures: Bool
    /// Where a batch goes that failed every retry or grew too old (`DestinationConfig.OnFailure`); `nil`: nowhere,
    /// the records are skipped.
    public var onFailure: (any FailedRecordDestination)?
    /// Whether the mapping reads (`Enabled`); `nil`: not written, so on.
    public var enabled: Bool?

    /// Reading from `startingPosition`, 100 records a batch unless `batchSize` says otherwise; every setting left
    /// `nil` is Lambda's default.
    public init(
        startingPosition: StartingPosition, batchSize: Int = 100, maxBatchingWindow: Duration? = nil,
        parallelizationFactor: Int? = nil, bisectBatchOnError: Bool? = nil, retryAttempts: Int? = nil,
        maxRecordAge: Duration? = nil, tumblingWindow: Duration? = nil, reportBatchItemFailures: Bool = false,
        onFailure: (any FailedRecordDestination)? = nil, enabled: Bool? = nil
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
        onFailure.map { [$0.failedRecordBinding.construct] } ?? []
    }

    /// The statements that let the function send failed records to the destination.
    var failureDestinationStatements: [PolicyStatement] {
        onFailure?.failedRecordBinding.statements ?? []
    }

    /// The mapping's properties for a stream of `streamArn` read by `function`.
    func mappingProperties(streamArn: Value, function: Function) -> CfnLambda.EventSourceMapping {
        var mapping = CfnLambda.EventSourceMapping(functionName: function.name)
        mapping.batchSize = .number(Double(batchSize))
        mapping.bisectBatchOnFunctionError = bisectBatchOnError.map { .bool($0) }
        mapping.destinationConfig = onFailure.map {
            CfnLambda.EventSourceMapping.DestinationConfig(onFailure: CfnLambda.EventSourceMapping.OnFailure(destination: $0.failedRecordBinding.arn))
        }
        mapping.enabled = enabled.map { .bool($0) }
        mapping.eventSourceArn = streamArn
        mapping.functionResponseTypes = reportBatchItemFailures ? ["ReportBatchItemFailures"] : nil
        mapping.maximumBatchingWindowInSeconds = maxBatchingWindow.map { .number(Double($0.wholeSeconds)) }
        mapping.maximumRecordAgeInSeconds = maxRecordAge.map { .number(Double($0.wholeSeconds)) }
        mapping.maximumRetryAttempts = retryAttempts.map { .number(Double($0)) }
        mapping.parallelizationFactor = parallelizationFactor.map { .number(Double($0)) }
        mapping.startingPosition = .string(startingPosition.rawValue)
        mapping.tumblingWindowInSeconds = tumblingWindow.map { .number(Double($0.wholeSeconds)) }
        return mapping
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
        // An imported table has a stream when it was imported with its stream ARN.
        if case .table(let table) = source, table.imported == nil ? table.stream == nil : table.importedStreamArn == nil {
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
            try functionScope.child("\(kind):\(sourceScope.uniqueId)")
                .declareResource(reading.mappingProperties(streamArn: streamArn, function: function))
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
