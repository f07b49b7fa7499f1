import FormworkCore
import FormworkL1
import OrderedCollections

/// Where a pipe reads events from, with CDK's `aws_pipes_sources` grants and parameters: any ``PipeEventSource``,
/// made by the factories each one's service adds (`.queue(_:)`, `.dynamoDBStream(_:_:)`, `.kinesisStream(_:_:)`).
public struct PipeSource: Sendable {
    /// Where the events come from, and how they are read.
    public var origin: any PipeEventSource

    /// Reads from `origin`.
    public init(_ origin: some PipeEventSource) {
        self.origin = origin
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

        /// `KinesisStreamParameters` for this reading.
        var kinesisStreamParameters: CfnPipes.Pipe.PipeSourceKinesisStreamParameters {
            CfnPipes.Pipe.PipeSourceKinesisStreamParameters(
                batchSize: batchSize.map { .number(Double($0)) },
                deadLetterConfig: deadLetter.map { CfnPipes.Pipe.DeadLetterConfig(arn: $0.failedRecordBinding.arn) },
                maximumBatchingWindowInSeconds: maxBatchingWindow.map { .number(Double($0.wholeSeconds)) },
                maximumRecordAgeInSeconds: maxRecordAge.map { .number(Double($0.wholeSeconds)) },
                maximumRetryAttempts: retryAttempts.map { .number(Double($0)) },
                onPartialBatchItemFailure: bisectBatchOnError ? "AUTOMATIC_BISECT" : nil,
                parallelizationFactor: parallelizationFactor.map { .number(Double($0)) },
                startingPosition: .string(startingPosition.rawValue))
        }

        /// `DynamoDBStreamParameters` for this reading: the same members as a Kinesis stream's.
        var dynamoDBStreamParameters: CfnPipes.Pipe.PipeSourceDynamoDBStreamParameters {
            let kinesis = kinesisStreamParameters
            return CfnPipes.Pipe.PipeSourceDynamoDBStreamParameters(
                batchSize: kinesis.batchSize, deadLetterConfig: kinesis.deadLetterConfig,
                maximumBatchingWindowInSeconds: kinesis.maximumBatchingWindowInSeconds, maximumRecordAgeInSeconds: kinesis.maximumRecordAgeInSeconds,
                maximumRetryAttempts: kinesis.maximumRetryAttempts, onPartialBatchItemFailure: kinesis.onPartialBatchItemFailure,
                parallelizationFactor: kinesis.parallelizationFactor, startingPosition: kinesis.startingPosition)
        }

        /// The binding of a stream source read this way: `construct` at `arn`, the role allowed `readStatements` and
        /// to send failed records to the dead letter (which the pipe requires), with `parameters`.
        func binding(
            of construct: any IdentifiedConstruct, arn: Value, readStatements: [PolicyStatement], parameters: CfnPipes.Pipe.PipeSourceParameters,
            at scope: ConstructScope
        ) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeSourceParameters> {
            try validate(at: scope)
            let deadLetterBinding = deadLetter?.failedRecordBinding
            if let deadLetterBinding { scope.require(deadLetterBinding.construct) }
            return IntegrationBinding(
                to: construct, arn: arn, statements: readStatements + (deadLetterBinding?.statements ?? []), parameters: parameters)
        }
    }

    /// The `SourceParameters` property: the source's members and the pipe's `filters`.
    func parameters(_ binding: IntegrationBinding<CfnPipes.Pipe.PipeSourceParameters>, filters: [String]) -> CfnPipes.Pipe.PipeSourceParameters {
        var parameters = binding.parameters
        if !filters.isEmpty {
            parameters.filterCriteria = CfnPipes.Pipe.FilterCriteria(filters: filters.map { CfnPipes.Pipe.Filter(pattern: .string($0)) })
        }
        return parameters
    }
}
