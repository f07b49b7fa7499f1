import Formwork

/// An SQS worker with a dead-letter queue, partial batch failures, tracing, and a table it reads and writes.
struct WorkerPattern: Fragment {
    var body: [any Construct] {
        let dlq = Queue("DLQ", retention: .days(14))
        let queue = Queue(
            "TaskQueue", visibilityTimeout: .minutes(5), receiveWaitTime: .seconds(20),
            deadLetter: .init(queue: dlq, maxReceiveCount: 3))
        let table = Table("Orders", partitionKey: .string("orderId"), billing: .onDemand)
        let worker = PatternsApp.function(
            "TaskWorker", timeout: .seconds(60),
            environment: [
                "POWERTOOLS_SERVICE_NAME": "order-service",
                "POWERTOOLS_METRICS_NAMESPACE": "MyApp",
                "LOG_LEVEL": "INFO",
                "TABLE_NAME": table.name,
            ], tracing: .active, reservedConcurrentExecutions: 10)
        dlq
        queue
        worker
        worker.consumes(queue, batchSize: 10, maxBatchingWindow: .seconds(5), reportBatchItemFailures: true)
        table
        table.grant(.readWrite, to: worker)
    }
}
