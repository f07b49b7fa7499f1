import FormworkTemplate

extension ValidationRun {
    /// A FIFO queue's dead-letter queue is a FIFO queue, and a standard queue's a standard one: SQS refuses
    /// the redrive policy otherwise (cfn-lint E3502).
    mutating func checkDeadLetterQueueType(of queue: Template.Resource, path: [String]) {
        guard let target = referencedResource(queue.properties["RedrivePolicy"]?["deadLetterTargetArn"]),
            target.resource.type == "AWS::SQS::Queue",
            let isFIFO = Self.isFIFO(queue), let targetIsFIFO = Self.isFIFO(target.resource),
            isFIFO != targetIsFIFO
        else { return }
        func kind(_ fifo: Bool) -> String { fifo ? "FIFO" : "standard" }
        error(
            "dead-letter-queue", path + ["RedrivePolicy", "deadLetterTargetArn"],
            "this \(kind(isFIFO)) queue sends failed messages to '\(target.id)', a \(kind(targetIsFIFO)) queue; a dead-letter queue must be of the same type as its source"
        )
    }

    /// Whether a queue is FIFO, when its `FifoQueue` is written out (absent: standard).
    private static func isFIFO(_ queue: Template.Resource) -> Bool? {
        guard let value = queue.properties["FifoQueue"] else { return false }
        return value.literalBool
    }
}
