import FormworkCore
import FormworkL1
import OrderedCollections

/// A queue subscribed to a topic (CDK's `SqsSubscription`): the `AWS::SNS::Subscription` under the queue's
/// scope, the statement in the queue's policy that lets the topic deliver, and, for a queue with a customer
/// managed key, the statement in the key's policy that lets SNS use it.
///
/// ```swift
/// topic.subscribe(queue, rawMessageDelivery: true, filterPolicy: .attributes(["type": .string(matchPrefixes: ["order."])]))
/// ```
public struct SqsSubscription: Construct {
    /// The topic subscribed to (`TopicArn`); a FIFO topic delivers only to FIFO queues, a standard one to standard queues.
    public let topic: Topic
    /// The queue the messages go to (`Endpoint`, `Protocol: sqs`); its policy lets the topic send.
    public let queue: Queue
    /// Whether the queue gets the message as published, without SNS's JSON envelope (`RawMessageDelivery`);
    /// `false` unless given, which writes nothing.
    public var rawMessageDelivery: Bool
    /// Which messages the subscription delivers; all when `nil`.
    public var filterPolicy: FilterPolicy?
    /// Where SNS puts messages it cannot deliver; its policy lets the topic send to it.
    public var deadLetterQueue: Queue?

    public var id: String { "\(queue.id)SubscribesTo\(topic.id)" }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        let fifoTopic = topic.fifo ?? false
        if fifoTopic != queue.isFifo {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "a \(fifoTopic ? "FIFO" : "standard") topic delivers only to \(fifoTopic ? "FIFO" : "standard") queues; '\(queue.id)' is \(queue.isFifo ? "FIFO" : "standard")"
            )
        }
        scope.require(topic)
        scope.require(queue)
        if let deadLetterQueue { scope.require(deadLetterQueue) }
        try filterPolicy?.validate(at: scope)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let queueScope = try scope.scope(of: queue)
            let topicScope = try scope.scope(of: topic)
            // CDK creates the policy before the subscription; an imported queue has none, and the subscription no
            // dependency on it.
            let ownsPolicy = queue.imported == nil
            if ownsPolicy { _ = try queueScope.child("Policy") }
            topic.allowDelivery(to: queue, in: scope)
            if let key = queue.customerKey {
                // CDK lets SNS use the queue's key; with `restrictSqsDescryption`, for this topic only.
                let restricted = scope.defaults.isEnabled(.snsSubscriptionsRestrictSqsDecryption)
                scope.contribute(
                    PolicyStatement(
                        actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: ["*"], principal: ["Service": "sns.amazonaws.com"],
                        condition: restricted ? ["ArnEquals": ["aws:SourceArn": topic.arn]] : Optional<Value>.none),
                    to: key, as: Key.policyStatements)
            }
            if let deadLetterQueue { topic.allowDelivery(to: deadLetterQueue, in: scope) }
            let subscription = CfnSNS.Subscription(
                endpoint: queue.arn,
                filterPolicy: filterPolicy?.document,
                filterPolicyScope: filterPolicy?.scope,
                protocol: "sqs",
                rawMessageDelivery: rawMessageDelivery ? true : nil,
                redrivePolicy: deadLetterQueue.map { ["deadLetterTargetArn": $0.arn] },
                region: topic.subscriptionRegion,
                topicArn: topic.arn)
            let dependencies = ownsPolicy ? [Dependency(on: queue, element: ["Policy"])] : []
            try queueScope.child(topicScope.uniqueId).declare(.resource(ResourceDeclaration(subscription, dependencies: dependencies)), at: "Resource")
        }
    }
}

extension Topic {
    /// Lets this topic send to `queue` (a subscribed queue, or a subscription's dead-letter queue): the
    /// statement CDK adds to the queue's policy.
    func allowDelivery(to queue: Queue, in scope: ConstructScope) {
        scope.contribute(
            PolicyStatement(
                actions: ["sqs:SendMessage"], resources: [queue.arn],
                principal: ["Service": "sns.amazonaws.com"],
                condition: ["ArnEquals": ["aws:SourceArn": arn]]),
            to: queue, as: Queue.policyStatements)
    }

    /// `queue` subscribed to this topic; list the result in a body.
    public func subscribe(
        _ queue: Queue, rawMessageDelivery: Bool = false, filterPolicy: FilterPolicy? = nil,
        deadLetterQueue: Queue? = nil
    ) -> SqsSubscription {
        SqsSubscription(
            topic: self, queue: queue, rawMessageDelivery: rawMessageDelivery, filterPolicy: filterPolicy,
            deadLetterQueue: deadLetterQueue)
    }
}
