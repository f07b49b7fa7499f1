import Formwork

/// Orders arrive on an encrypted, TLS-only queue subscribed to the order-events topic of the shared stack;
/// a worker processes them in batches, reports partial failures, and records what it processed in an
/// idempotency table. After three failed receives a message moves to the dead-letter queue. A pipe turns
/// each new row of the table into an `OrderProcessed` event on the shop's bus, with no function in between.
/// The worker, the queue and the dead-letter queue have the recommended alarms and a dashboard.
struct OrderIntake: Component {
    let id = "OrderIntake"
    let topic: Topic
    let alerts: Topic
    let bus: EventBus

    var body: [any Construct] {
        let deadLetters = Queue("DeadLetterQueue", retention: .days(14), encryption: .sqsManaged, enforceSSL: true)
        let queue = Queue(
            "Queue", visibilityTimeout: .seconds(180), deadLetter: .init(queue: deadLetters, maxReceiveCount: 3),
            encryption: .sqsManaged, enforceSSL: true)
        let processed = Table(
            "ProcessedOrders", partitionKey: .string("orderId"), billing: .onDemand, stream: .newImage,
            timeToLiveAttribute: "expiresAt", pointInTimeRecovery: true)
        let worker = Function(
            "Worker", runtime: .nodejs24, handler: "index.handler", code: .asset("Examples/Shop/handlers/order-worker"),
            memorySize: Handlers.memorySize, timeout: .seconds(30), environment: ["TABLE_NAME": processed.name], tracing: .active,
            logRetention: .oneMonth)
        deadLetters
        queue
        topic.subscribe(queue, rawMessageDelivery: true, deadLetterQueue: deadLetters)
        processed
        worker
        worker.consumes(queue, batchSize: 10, maxBatchingWindow: .seconds(5), reportBatchItemFailures: true)
        processed.grant(.readWrite, to: worker)
        Pipe(
            "OrderProcessed",
            source: .dynamoDBStream(processed, .init(startingPosition: .latest, batchSize: 10, retryAttempts: 3, deadLetter: .queue(deadLetters))),
            filters: [["eventName": ["INSERT"]]],
            target: .eventBus(bus, detailType: "OrderProcessed", source: "shop.orders", input: .path("$.dynamodb.NewImage")))
        monitor(
            "Intake", [.function(worker), .queue(queue), .deadLetterQueue(deadLetters)], alarmActions: [alerts.arn],
            dashboardName: "shop-order-intake")
        Handlers.calledSynchronously(by: "the queue's poller")
        Output("QueueUrl", value: queue.url, description: "Where order messages are received")
    }
}
