import Formwork

/// Order events fanned out from the shared topic to the inventory, shipping and analytics queues, each with
/// a consumer and a dead-letter queue that alarms.
struct Fulfilment: Component {
    let id = "Fulfilment"
    let topic: Topic
    let alerts: Topic

    var body: [any Construct] {
        for name in ["Inventory", "Shipping", "Analytics"] {
            Consumer(name: name, topic: topic, alerts: alerts)
        }
    }

    /// One consumer: its queue and dead-letter queue, the subscription, the function, the alarm.
    struct Consumer: Component {
        let name: String
        let topic: Topic
        let alerts: Topic
        var id: String { name }

        var body: [any Construct] {
            let dlq = Queue("DeadLetters", retention: .days(14), encryption: .sqsManaged, enforceSSL: true)
            let queue = Queue(
                "Queue", visibilityTimeout: .seconds(60), deadLetter: .init(queue: dlq, maxReceiveCount: 3),
                encryption: .sqsManaged, enforceSSL: true)
            let function = Handlers.function("Consumer", "events", name.lowercased())
            topic.subscribe(queue, rawMessageDelivery: true, deadLetterQueue: dlq)
            function.consumes(queue, batchSize: 10, reportBatchItemFailures: true)
            Alarm(
                "DeadLetterAlarm", metric: dlq.metric(.approximateNumberOfMessagesVisible), threshold: 1,
                missingData: .notBreaching, alarmActions: [alerts.arn])
            Handlers.calledSynchronously(by: "the queue's poller")
        }
    }
}
