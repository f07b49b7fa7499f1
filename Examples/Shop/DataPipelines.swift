import Formwork

/// The data side: an event store whose stream feeds a projection, clickstream processing on Kinesis with
/// bisect-on-error and an on-failure dead-letter queue, and uploads processed as they land in a bucket.
struct DataPipelines: Component {
    let id = "Data"

    var body: [any Construct] {
        let events = Table(
            "EventStore", partitionKey: .string("aggregateId"), sortKey: .number("version"),
            billing: .onDemand, stream: .newImage, pointInTimeRecovery: true)
        let projection = Handlers.function("Projection", "events", "projection")
        let projectionFailures = Handlers.failures("ProjectionFailures")
        projection.consumesStream(
            of: events,
            .init(
                startingPosition: .trimHorizon, batchSize: 100, retryAttempts: 3,
                onFailure: .queue(projectionFailures)))

        let clicks = Stream("Clickstream", capacity: .onDemand, retention: .days(1))
        let failed = Queue("ClickstreamFailures", retention: .days(14), encryption: .sqsManaged, enforceSSL: true)
        let processor = Handlers.function("ClickstreamProcessor", "events", "clickstream")
        processor.consumes(
            clicks,
            .init(
                startingPosition: .latest, batchSize: 100, maxBatchingWindow: .seconds(5),
                parallelizationFactor: 2, bisectBatchOnError: true, retryAttempts: 3,
                reportBatchItemFailures: true, onFailure: .queue(failed)))

        let uploads = Bucket(
            "Uploads", versioned: true,
            lifecycleRules: [.init(noncurrentVersionExpirationDays: 30, abortIncompleteMultipartUploadDays: 7)])
        let uploadFailures = Handlers.failures("UploadFailures")
        let processUpload = Handlers.function("ProcessUpload", "events", "upload", asyncFailures: uploadFailures)
        uploads.notify(processUpload, on: .objectCreated, prefix: "incoming/")
        uploads.suppress(
            .ruleTargetDeadLetter,
            reason: "Every upload stays under incoming/, so one EventBridge could not deliver is found again by listing the prefix")
        uploads.grant(.read, to: processUpload)
        Handlers.calledSynchronously(by: "the stream pollers")
    }
}
