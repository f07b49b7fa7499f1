import FormworkCore
import OrderedCollections

/// Objects of a bucket, as they change, delivered to a function, a queue or a topic — through EventBridge,
/// without CDK's custom-resource handler.
///
/// CDK configures S3 notifications with a custom resource (a Lambda function of its own that calls
/// `PutBucketNotification`), because a native `NotificationConfiguration` to Lambda or SQS forms a cycle:
/// S3 checks the destination's permission when the bucket is created, and the permission names the bucket.
/// Formwork turns on the bucket's EventBridge notifications instead and routes the events with a ``Rule``
/// under the bucket: no handler to deploy, no cycle, any number of destinations. The destination receives
/// EventBridge events (`detail.bucket.name`, `detail.object.key`) rather than S3 event records.
public struct BucketNotification: Construct {
    /// Which object events.
    public enum Event: String, Sendable {
        /// An object was created: put, posted, copied or completed as a multipart upload (`Object Created`).
        case objectCreated = "Object Created"
        /// An object was deleted, or a delete marker made in a versioned bucket (`Object Deleted`).
        case objectDeleted = "Object Deleted"
        /// A restore of an archived object from S3 Glacier finished (`Object Restore Completed`).
        case objectRestoreCompleted = "Object Restore Completed"
    }

    let bucket: Bucket
    let destination: any RuleTargetDestination
    let event: Event
    let prefix: String?
    let suffix: String?

    /// `<bucket>Notifies<destination>`, then the event and the key filter when there is one, so that one
    /// destination can be notified of several events or key filters of a bucket.
    public var id: String {
        let filter = [prefix.map { "Prefix\($0)" }, suffix.map { "Suffix\($0)" }].compactMap { $0 }.joined()
            .filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let base = "\(bucket.id)Notifies\(destination.id)"
        return event == .objectCreated && filter.isEmpty ? base : "\(base)\(event.rawValue.replacingOccurrences(of: " ", with: ""))\(filter)"
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        scope.require(bucket)
        scope.require(destination)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let bucketScope = try scope.scope(of: bucket)
            let destinationScope = try scope.scope(of: destination)
            scope.contribute(true, to: bucket, as: Bucket.sendsEventsToEventBridge)
            var key = OrderedDictionary<String, Value>()
            if let prefix { key["prefix"] = .string(prefix) }
            if let suffix { key["suffix"] = .string(suffix) }
            var detail: OrderedDictionary<String, Value> = ["bucket": ["name": [bucket.name]]]
            if !key.isEmpty { detail["object"] = ["key": [.object(key)]] }
            // The first rule of an event to a destination keeps the plain name; another (a second key filter)
            // is numbered, so that adding one leaves the rules already deployed as they are.
            let name = "\(event.rawValue.replacingOccurrences(of: " ", with: ""))To\(destinationScope.uniqueId)"
            let ruleId = (1...).lazy.map { $0 == 1 ? name : "\(name)\($0)" }.first { bucketScope.existingChild($0) == nil }!
            let rule = Rule(ruleId, pattern: EventPattern(source: ["aws.s3"], detailType: [event.rawValue], detail: detail))
            try bucketScope.add(rule)
            try bucketScope.add(RuleTarget(rule: rule, destination: destination))
        }
    }
}

extension Bucket {
    /// `function` invoked for `event` on objects whose keys match `prefix` and `suffix`; list the result in a
    /// body.
    public func notify(_ function: Function, on event: BucketNotification.Event, prefix: String? = nil, suffix: String? = nil) -> BucketNotification {
        BucketNotification(bucket: self, destination: function, event: event, prefix: prefix, suffix: suffix)
    }

    /// `topic` sent `event` on objects whose keys match `prefix` and `suffix`; list the result in a body.
    public func notify(_ topic: Topic, on event: BucketNotification.Event, prefix: String? = nil, suffix: String? = nil) -> BucketNotification {
        BucketNotification(bucket: self, destination: topic, event: event, prefix: prefix, suffix: suffix)
    }

    /// `queue` sent `event` on objects whose keys match `prefix` and `suffix`; list the result in a body.
    public func notify(_ queue: Queue, on event: BucketNotification.Event, prefix: String? = nil, suffix: String? = nil) -> BucketNotification {
        BucketNotification(bucket: self, destination: queue, event: event, prefix: prefix, suffix: suffix)
    }
}
