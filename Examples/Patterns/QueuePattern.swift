import Formwork

/// Queues with a dead-letter queue, a FIFO queue, and an alarm on the dead-letter queue.
struct QueuePattern: Fragment {
    var body: [any Construct] {
        let dlq = Queue("DLQ", retention: .days(14))
        dlq
        Queue(
            "ProcessingQueue", visibilityTimeout: .seconds(300), retention: .days(14),
            deadLetter: .init(queue: dlq, maxReceiveCount: 3))
        Queue("OrderedQueue", fifo: true, contentBasedDeduplication: true, deduplicationScope: .messageGroup)
        Alarm(
            "DLQAlarm", metric: dlq.metric(.approximateNumberOfMessagesVisible), threshold: 1, evaluationPeriods: 1,
            description: "Messages in DLQ require attention")
    }
}
