import FormworkTemplate

extension CheckRule {
    /// Event source mappings send what fails to an on-failure destination. For a queue source, which
    /// takes none, the queue's own dead-letter queue counts (serverless-rules and cdk-nag flag those too;
    /// Formwork does not, since nothing on the mapping could fix it).
    public static let eventSourceFailureDestination: CheckRule = CheckRule(
        id: "lambda-event-source-failure-destination", summary: "Event source mappings keep the records that fail.",
        pillar: "Reliability", severity: .warning, equivalents: ["ES1001", "Serverless-LambdaEventSourceMappingDestination"],
        rationale: "A batch that keeps failing blocks its shard until the records expire, then they are gone; an on-failure destination keeps them.",
        remedy: "Give the stream reading an on-failure destination: .init(startingPosition: .latest, onFailure: .queue(failures))."
    ) { template in
        template.resources(ofType: "AWS::Lambda::EventSourceMapping").compactMap { logicalId, mapping in
            guard mapping.properties["DestinationConfig"]?["OnFailure"]?["Destination"] == nil else { return nil }
            let source = mapping.properties["EventSourceArn"]?.referencedLogicalIds.first.flatMap { template.resources[$0] }
            if source?.type == "AWS::SQS::Queue" {
                return source?.properties["RedrivePolicy"] == nil
                    ? eventSourceFailureDestination.finding(
                        logicalId, "the mapping reads a queue with no dead-letter queue: messages that keep failing are lost.",
                        fix: "Give the source queue a dead-letter queue.") : nil
            }
            return eventSourceFailureDestination.finding(logicalId, "the mapping has no on-failure destination: records that keep failing are lost.")
        }
    }
}
