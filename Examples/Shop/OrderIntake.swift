import Formwork

/// Orders arrive on an encrypted, TLS-only queue subscribed to the order-events topic of the shared stack;
/// a worker processes them in batches, reports partial failures, and records what it processed in an
/// idempotency table. After three failed receives a message moves to the dead-letter queue, which alarms.
struct OrderIntake: Component {
    let id = "OrderIntake"
    let topic: Topic
    let alerts: Topic

    var body: [any Construct] {
        let deadLetters = Queue("DeadLetterQueue", retention: .days(14), encryption: .sqsManaged, enforceSSL: true)
        let queue = Queue("Queue", visibilityTimeout: .seconds(180), deadLetter: .init(queue: deadLetters, maxReceiveCount: 3),
                          encryption: .sqsManaged, enforceSSL: true)
        let processed = Table("ProcessedOrders", partitionKey: .string("orderId"), billing: .onDemand,
                              timeToLiveAttribute: "expiresAt", pointInTimeRecovery: true)
        let worker = Function("Worker", runtime: .nodejs22, handler: "index.handler", code: .asset("Examples/Shop/handlers/order-worker"),
                              timeout: .seconds(30), environment: ["TABLE_NAME": processed.name], tracing: .active,
                              logRetention: .oneMonth)
        deadLetters
        queue
        topic.subscribe(queue, rawMessageDelivery: true)
        processed
        worker
        worker.consumes(queue, batchSize: 10, maxBatchingWindow: .seconds(5), reportBatchItemFailures: true)
        processed.grant(.readWrite, to: worker)
        Alarm("DeadLetterAlarm", metric: deadLetters.metric(.approximateNumberOfMessagesVisible), threshold: 1,
              missingData: .notBreaching, description: "Orders failed three times and wait in the dead-letter queue",
              alarmActions: [alerts.arn])
        Alarm("WorkerErrors", metric: worker.metric(.errors), threshold: 5, evaluationPeriods: 3, datapointsToAlarm: 2,
              missingData: .notBreaching, description: "The order worker fails", alarmActions: [alerts.arn])
        Output("QueueUrl", value: queue.url, description: "Where order messages are received")
    }
}
