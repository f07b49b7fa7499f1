import FormworkCore
import OrderedCollections

/// Where a pipe reads events from, with CDK's `aws_pipes_sources` grants and parameters: an SQS queue, or a
/// DynamoDB or Kinesis stream.
public struct PipeSource: Sendable {
    enum Kind: Sendable {
        case queue(Queue)
        case table(Table)
        case stream(Stream)
    }

    /// How a pipe reads a DynamoDB or Kinesis stream.
    public struct Reading: Sendable {
        /// Where in the stream the pipe starts reading (`StartingPosition`), set when the pipe is created.
        public var startingPosition: StreamReading.StartingPosition
        /// The most records per batch (`BatchSize`), 1 to 10,000; `nil` (the default) writes none, and Pipes' own default applies
        /// (1, as CDK documents it).
        public var batchSize: Int?
        /// How long the pipe gathers records before delivering a batch that is not full (`MaximumBatchingWindowInSeconds`, in whole
        /// seconds), up to 5 minutes; `nil` (the default) writes none, and batches go without waiting.
        public var maxBatchingWindow: Duration?
        /// How old a record may be before the pipe skips it (`MaximumRecordAgeInSeconds`, in whole seconds), 60 seconds to 7 days;
        /// `nil` (the default) writes none, and records are tried until they leave the stream.
        public var maxRecordAge: Duration?
        /// Retries of a failing batch; -1 retries until the record expires.
        public var retryAttempts: Int?
        /// How many batches of each shard are processed at once (`ParallelizationFactor`), 1 to 10; `nil` (the default) writes
        /// none, and Pipes processes one.
        public var parallelizationFactor: Int?
        /// Split a failing batch in two and retry each half (`AUTOMATIC_BISECT`).
        public var bisectBatchOnError: Bool
        /// Where records go that failed every retry.
        public var deadLetter: (any FailedRecordDestination)?

        /// How to read from `startingPosition`; every setting not given is left out, for Pipes' defaults. `retryAttempts`, when
        /// given, must be -1 to 10,000.
        public init(
            startingPosition: StreamReading.StartingPosition, batchSize: Int? = nil, maxBatchingWindow: Duration? = nil,
            maxRecordAge: Duration? = nil, retryAttempts: Int? = nil, parallelizationFactor: Int? = nil,
            bisectBatchOnError: Bool = false, deadLetter: (any FailedRecordDestination)? = nil
        ) {
            self.startingPosition = startingPosition
            self.batchSize = batchSize
            self.maxBatchingWindow = maxBatchingWindow
            self.maxRecordAge = maxRecordAge
            self.retryAttempts = retryAttempts
            self.parallelizationFactor = parallelizationFactor
            self.bisectBatchOnError = bisectBatchOnError
            self.deadLetter = deadLetter
        }

        func validate(at scope: ConstructScope) throws(SynthesisError) {
            try StreamReadingLimits.check(
                batchSize: batchSize, maxBatchingWindow: maxBatchingWindow, parallelizationFactor: parallelizationFactor,
                retryAttempts: retryAttempts, maxRecordAge: maxRecordAge, at: scope)
        }

        var parameters: OrderedDictionary<String, Value> {
            var parameters = OrderedDictionary<String, Value>()
            parameters["BatchSize"] = batchSize.map { .number(Double($0)) }
            parameters["DeadLetterConfig"] = deadLetter.map { ["Arn": $0.failedRecordBinding.arn] }
            parameters["MaximumBatchingWindowInSeconds"] = maxBatchingWindow.map { .number(Double($0.wholeSeconds)) }
            parameters["MaximumRecordAgeInSeconds"] = maxRecordAge.map { .number(Double($0.wholeSeconds)) }
            parameters["MaximumRetryAttempts"] = retryAttempts.map { .number(Double($0)) }
            parameters["OnPartialBatchItemFailure"] = bisectBatchOnError ? "AUTOMATIC_BISECT" : nil
            parameters["ParallelizationFactor"] = parallelizationFactor.map { .number(Double($0)) }
            parameters["StartingPosition"] = .string(startingPosition.rawValue)
            return parameters
        }
    }

    let kind: Kind
    let batchSize: Int?
    let maxBatchingWindow: Duration?
    let reading: Reading?

    /// Messages of `queue`, received and deleted by the pipe.
    public static func queue(_ queue: Queue, batchSize: Int? = nil, maxBatchingWindow: Duration? = nil) -> PipeSource {
        PipeSource(kind: .queue(queue), batchSize: batchSize, maxBatchingWindow: maxBatchingWindow, reading: nil)
    }

    /// The stream of `table`, which must have one.
    public static func dynamoDBStream(_ table: Table, _ reading: Reading) -> PipeSource {
        PipeSource(kind: .table(table), batchSize: nil, maxBatchingWindow: nil, reading: reading)
    }

    /// The records of a Kinesis `stream`.
    public static func kinesisStream(_ stream: Stream, _ reading: Reading) -> PipeSource {
        PipeSource(kind: .stream(stream), batchSize: nil, maxBatchingWindow: nil, reading: reading)
    }

    var construct: any IdentifiedConstruct {
        switch kind {
        case .queue(let queue): queue
        case .table(let table): table
        case .stream(let stream): stream
        }
    }

    var requiredConstructs: [any IdentifiedConstruct] {
        [construct] + (reading?.deadLetter.map { [$0.failedRecordBinding.construct] } ?? [])
    }

    func validate(at scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(batchSize, in: 1...10_000, "batchSize", at: scope)
        try PropertyChecks.check(maxBatchingWindow?.wholeSeconds, in: 0...300, "maxBatchingWindow", unit: " s", at: scope)
        try reading?.validate(at: scope)
        if case .table(let table) = kind, table.stream == nil {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "the table '\(table.id)' has no stream; set its stream view (stream: .newImage)")
        }
    }

    /// The source's ARN.
    var arn: Value {
        switch kind {
        case .queue(let queue): queue.arn
        case .table(let table): table.streamArn
        case .stream(let stream): stream.arn
        }
    }

    /// What the pipe's role needs to read the source and send failed records on, in CDK's order.
    var statements: [PolicyStatement] {
        let read: [PolicyStatement] =
            switch kind {
            case .queue(let queue): QueueGrant.consume.statements(for: queue)
            case .table(let table): TableGrant.streamRead.statements(for: table)
            case .stream(let stream): StreamGrant.read.statements(for: stream)
            }
        return read + (reading?.deadLetter?.failedRecordBinding.statements ?? [])
    }

    /// The `SourceParameters` property with the pipe's `filters`.
    func parameters(filters: [String]) -> Value {
        var parameters = OrderedDictionary<String, Value>()
        switch kind {
        case .table:
            parameters["DynamoDBStreamParameters"] = .object(reading?.parameters ?? [:])
        case .stream:
            parameters["KinesisStreamParameters"] = .object(reading?.parameters ?? [:])
        case .queue:
            var queueParameters = OrderedDictionary<String, Value>()
            queueParameters["BatchSize"] = batchSize.map { .number(Double($0)) }
            queueParameters["MaximumBatchingWindowInSeconds"] = maxBatchingWindow.map { .number(Double($0.wholeSeconds)) }
            parameters["SqsQueueParameters"] = .object(queueParameters)
        }
        if !filters.isEmpty {
            parameters["FilterCriteria"] = ["Filters": .array(filters.map { ["Pattern": .string($0)] })]
        }
        parameters.sort { $0.key < $1.key }
        return .object(parameters)
    }
}
