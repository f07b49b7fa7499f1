import FormworkCore
import OrderedCollections

/// A queue subscribed to a topic (CDK's `SqsSubscription`): the `AWS::SNS::Subscription` under the queue's
/// scope, and the statement in the queue's policy that lets the topic deliver.
///
/// ```swift
/// topic.subscribe(queue, rawMessageDelivery: true, filterPolicy: ["type": [["prefix": "order."]]])
/// ```
public struct SqsSubscription: Construct {
    public let topic: Topic
    public let queue: Queue
    public var rawMessageDelivery: Bool
    public var filterPolicy: Value?
    /// Where SNS puts messages it cannot deliver.
    public var deadLetterQueue: Queue?

    public var id: String { "\(queue.id)SubscribesTo\(topic.id)" }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        let fifoTopic = topic.fifo ?? false
        if fifoTopic != queue.isFifo {
            throw SynthesisError(.invalidSetting, paths: [scope.path],
                                 "a \(fifoTopic ? "FIFO" : "standard") topic delivers only to \(fifoTopic ? "FIFO" : "standard") queues; '\(queue.id)' is \(queue.isFifo ? "FIFO" : "standard")")
        }
        scope.require(topic)
        scope.require(queue)
        if let deadLetterQueue { scope.require(deadLetterQueue) }
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let queueScope = try scope.scope(of: queue)
            let topicScope = try scope.scope(of: topic)
            _ = try queueScope.child("Policy")  // CDK creates the policy before the subscription
            scope.contribute(PolicyStatement(actions: ["sqs:SendMessage"], resources: [queue.arn],
                                             principal: ["Service": "sns.amazonaws.com"],
                                             condition: ["ArnEquals": ["aws:SourceArn": topic.arn]]),
                             to: queue, as: Queue.policyStatements)
            var properties = OrderedDictionary<String, Value>()
            properties["Endpoint"] = queue.arn
            properties["FilterPolicy"] = filterPolicy
            properties["Protocol"] = "sqs"
            properties["RawMessageDelivery"] = rawMessageDelivery ? true : nil
            properties["RedrivePolicy"] = deadLetterQueue.map { ["deadLetterTargetArn": $0.arn] }
            properties["TopicArn"] = topic.arn
            try queueScope.child(topicScope.uniqueId).declare(.resource(ResourceDeclaration(
                type: "AWS::SNS::Subscription", properties: properties,
                dependencies: [Dependency(on: queue, element: ["Policy"])])), at: "Resource")
        }
    }
}

extension Topic {
    /// `queue` subscribed to this topic; list the result in a body.
    public func subscribe(_ queue: Queue, rawMessageDelivery: Bool = false, filterPolicy: Value? = nil,
                          deadLetterQueue: Queue? = nil) -> SqsSubscription {
        SqsSubscription(topic: self, queue: queue, rawMessageDelivery: rawMessageDelivery, filterPolicy: filterPolicy,
                        deadLetterQueue: deadLetterQueue)
    }
}
