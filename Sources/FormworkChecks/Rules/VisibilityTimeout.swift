import FormworkTemplate

extension CheckRule {
    /// A queue read by a function keeps messages invisible for at least six times the function's timeout,
    /// as the Lambda guidance asks, so that retries of a slow batch do not run twice at once.
    public static let visibilityTimeout: CheckRule = CheckRule(
        id: "sqs-visibility-timeout", summary: "Queues read by a function hide messages for six times its timeout.",
        pillar: "Reliability", severity: .warning, equivalents: [],
        rationale: "When a batch outlives the visibility timeout its messages reappear and are processed twice, while the first run still holds them.",
        remedy: "Set the queue's visibilityTimeout to at least six times the function's timeout."
    ) { template in
        template.resources(ofType: "AWS::Lambda::EventSourceMapping").compactMap { logicalId, mapping in
            guard let queueId = mapping.properties["EventSourceArn"]?.referencedLogicalIds.first,
                let queue = template.resources[queueId], queue.type == "AWS::SQS::Queue",
                let functionId = template.functionLogicalIds(in: mapping.properties["FunctionName"]).first,
                let function = template.resources[functionId]
            else { return nil }
            let visibility = queue.properties["VisibilityTimeout"]?.numberValue ?? 30
            let timeout = function.properties["Timeout"]?.numberValue ?? 3
            guard visibility < 6 * timeout else { return nil }
            return visibilityTimeout.finding(
                queueId,
                "the queue hides a message for \(visibility.messageText) s, less than six times the \(timeout.messageText) s timeout of \(functionId), which reads it."
            )
        }
    }
}
