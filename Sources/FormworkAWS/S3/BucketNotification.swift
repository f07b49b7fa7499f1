import FormworkCore
import OrderedCollections

/// Objects of a bucket, as they change, delivered to a function, a queue or a topic — through EventBridge, without
/// CDK's custom-resource handler.
///
/// CDK configures S3 notifications with a custom resource (a Lambda function of its own that calls
/// `PutBucketNotification`), because a native `NotificationConfiguration` to Lambda or SQS forms a cycle:
/// S3 checks the destination's permission when the bucket is created, and the permission names the bucket.
/// Formwork turns on the bucket's EventBridge notifications instead and routes the events with a rule:
/// no handler to deploy, no cycle, any number of destinations. The destination receives EventBridge events
/// (`detail.bucket.name`, `detail.object.key`) rather than S3 event records.
public struct BucketNotification: Construct {
    /// Which object events.
    public enum Event: String, Sendable {
        case objectCreated = "Object Created"
        case objectDeleted = "Object Deleted"
        case objectRestoreCompleted = "Object Restore Completed"
    }

    /// Where events go.
    public enum Destination: Sendable {
        case function(Function)
        case queue(Queue)
        case topic(Topic)
    }

    let bucket: Bucket
    let destination: Destination
    let event: Event
    let prefix: String?
    let suffix: String?

    public var id: String { "\(bucket.id)Notifies\(destinationConstruct.id)" }

    private var destinationConstruct: any IdentifiedConstruct {
        switch destination {
        case .function(let function): function
        case .queue(let queue): queue
        case .topic(let topic): topic
        }
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        scope.require(bucket)
        scope.require(destinationConstruct)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let bucketScope = try scope.scope(of: bucket)
            let destinationScope = try scope.scope(of: destinationConstruct)
            scope.contribute(true, to: bucket, as: Bucket.sendsEventsToEventBridge)
            let ruleScope = try bucketScope.child("\(event.rawValue.replacingOccurrences(of: " ", with: ""))To\(destinationScope.uniqueId)")
            let ruleArn = Value.reference(Reference(to: bucket, element: [ruleScope.idInParent, "Resource"], form: .getAtt("Arn")))
            var key = OrderedDictionary<String, Value>()
            if let prefix { key["prefix"] = .string(prefix) }
            if let suffix { key["suffix"] = .string(suffix) }
            var detail: OrderedDictionary<String, Value> = ["bucket": ["name": [bucket.name]]]
            if !key.isEmpty { detail["object"] = ["key": [.object(key)]] }
            let targetArn: Value = switch destination {
            case .function(let function): function.arn
            case .queue(let queue): queue.arn
            case .topic(let topic): topic.arn
            }
            try ruleScope.declareResource("AWS::Events::Rule", properties: [
                "EventPattern": ["source": ["aws.s3"], "detail-type": [.string(event.rawValue)], "detail": .object(detail)],
                "State": "ENABLED",
                "Targets": [["Arn": targetArn, "Id": "Target0"]],
            ])
            switch destination {
            case .function(let function):
                try ruleScope.declareResource("AWS::Lambda::Permission", at: "AllowEventRule\(destinationScope.uniqueId)", properties: [
                    "Action": "lambda:InvokeFunction", "FunctionName": function.arn,
                    "Principal": "events.amazonaws.com", "SourceArn": ruleArn,
                ])
            case .queue(let queue):
                scope.contribute(PolicyStatement(actions: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
                                                 resources: [queue.arn], principal: ["Service": "events.amazonaws.com"],
                                                 condition: ["ArnEquals": ["aws:SourceArn": ruleArn]]),
                                 to: queue, as: Queue.policyStatements)
            case .topic(let topic):
                scope.contribute(PolicyStatement(actions: ["sns:Publish"], resources: [topic.arn],
                                                 principal: ["Service": "events.amazonaws.com"],
                                                 condition: ["ArnEquals": ["aws:SourceArn": ruleArn]]),
                                 to: topic, as: Topic.policyStatements)
            }
        }
    }
}

extension Bucket {
    /// `function` invoked for `event` on objects whose keys match `prefix` and `suffix`; list the result in a
    /// body.
    public func notify(_ function: Function, on event: BucketNotification.Event, prefix: String? = nil, suffix: String? = nil) -> BucketNotification {
        BucketNotification(bucket: self, destination: .function(function), event: event, prefix: prefix, suffix: suffix)
    }

    /// `topic` sent `event` on objects whose keys match `prefix` and `suffix`; list the result in a body.
    public func notify(_ topic: Topic, on event: BucketNotification.Event, prefix: String? = nil, suffix: String? = nil) -> BucketNotification {
        BucketNotification(bucket: self, destination: .topic(topic), event: event, prefix: prefix, suffix: suffix)
    }

    /// `queue` sent `event` on objects whose keys match `prefix` and `suffix`; list the result in a body.
    public func notify(_ queue: Queue, on event: BucketNotification.Event, prefix: String? = nil, suffix: String? = nil) -> BucketNotification {
        BucketNotification(bucket: self, destination: .queue(queue), event: event, prefix: prefix, suffix: suffix)
    }
}
