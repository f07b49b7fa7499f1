import FormworkTemplate

extension CheckRule {
    /// Queues have a dead-letter queue (a redrive policy), unless they are one.
    public static let queueDeadLetterQueue: CheckRule = CheckRule(
        id: "sqs-dead-letter-queue", summary: "Queues have a dead-letter queue, so that failing messages are kept.",
        pillar: "Reliability", severity: .warning, equivalents: ["ES6000", "Serverless-SQSRedrivePolicy", "AwsSolutions-SQS3"],
        rationale:
            "A message that keeps failing is received again and again until its retention ends, then lost; a dead-letter queue keeps it for inspection and replay.",
        remedy: "Give the queue a dead-letter queue: deadLetter: .init(queue: dlq, maxReceiveCount: 3)."
    ) { template in
        let deadLetterQueues = template.deadLetterQueues
        return template.resources(ofType: "AWS::SQS::Queue").compactMap { logicalId, queue in
            guard queue.properties["RedrivePolicy"] == nil, !deadLetterQueues.contains(logicalId) else { return nil }
            return queueDeadLetterQueue.finding(
                logicalId, "the queue has no dead-letter queue: a message that keeps failing is retried until it expires and is lost.")
        }
    }
}
