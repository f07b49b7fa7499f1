import FormworkCore
import FormworkL1
import OrderedCollections

/// A queue as a pipe's source (CDK's `SqsSource`): messages received and deleted by the pipe, in batches.
public struct QueuePipeSource: PipeEventSource {
    /// The queue read.
    public var queue: Queue
    /// The most messages per batch (`BatchSize`), 1 to 10,000; `nil` (the default) writes none, for Pipes' 10.
    public var batchSize: Int?
    /// How long the pipe gathers messages for a batch that is not full (`MaximumBatchingWindowInSeconds`, in whole
    /// seconds), up to 5 minutes; `nil` (the default) writes none, and batches go without waiting.
    public var maxBatchingWindow: Duration?

    /// Reads `queue` in batches as given.
    public init(_ queue: Queue, batchSize: Int? = nil, maxBatchingWindow: Duration? = nil) {
        self.queue = queue
        self.batchSize = batchSize
        self.maxBatchingWindow = maxBatchingWindow
    }

    /// Consumes the queue (its consume grant); `SqsQueueParameters` is written, if empty, as CDK writes it.
    public func pipeSource(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeSourceParameters> {
        try PropertyChecks.check(batchSize, in: 1...10_000, "batchSize", at: scope)
        try PropertyChecks.check(maxBatchingWindow?.wholeSeconds, in: 0...300, "maxBatchingWindow", unit: " s", at: scope)
        let parameters = CfnPipes.Pipe.PipeSourceSqsQueueParameters(
            batchSize: batchSize.map { .number(Double($0)) }, maximumBatchingWindowInSeconds: maxBatchingWindow.map { .number(Double($0.wholeSeconds)) })
        return IntegrationBinding(
            to: queue, arn: queue.arn, statements: QueueGrant.consume.statements(for: queue),
            parameters: CfnPipes.Pipe.PipeSourceParameters(sqsQueueParameters: parameters))
    }
}

extension PipeSource {
    /// Messages of `queue`, received and deleted by the pipe.
    public static func queue(_ queue: Queue, batchSize: Int? = nil, maxBatchingWindow: Duration? = nil) -> PipeSource {
        PipeSource(QueuePipeSource(queue, batchSize: batchSize, maxBatchingWindow: maxBatchingWindow))
    }
}
