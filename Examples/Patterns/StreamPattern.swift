import Formwork

/// Kinesis stream processing with bisect on error and an on-failure dead-letter queue.
struct StreamPattern: Fragment {
    var body: [any Construct] {
        let stream = Stream("DataStream", capacity: .shards(2), retention: .days(7))
        let dlq = Queue("StreamDLQ")
        let processor = PatternsApp.function("StreamProcessor")
        stream
        dlq
        processor
        processor.consumes(
            stream,
            .init(
                startingPosition: .latest, batchSize: 100, maxBatchingWindow: .seconds(5),
                parallelizationFactor: 10, bisectBatchOnError: true, retryAttempts: 3,
                onFailure: .queue(dlq)))
    }
}
