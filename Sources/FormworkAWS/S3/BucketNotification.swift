import FormworkCore
import FormworkL1
import OrderedCollections

/// Objects of a bucket, as they change, delivered to a function, a queue or a topic — through EventBridge under
/// the Formwork profile, through CDK's `Custom::S3BucketNotifications` under the CDK profile.
///
/// CDK configures S3 notifications with a custom resource (a Lambda function of its own that calls
/// `PutBucketNotification`), because a native `NotificationConfiguration` to Lambda or SQS forms a cycle:
/// S3 checks the destination's permission when the bucket is created, and the permission names the bucket.
/// Under the Formwork profile, Formwork turns on the bucket's EventBridge notifications instead and routes the
/// events with a ``Rule`` under the bucket: no handler to deploy, no cycle, any number of destinations. The
/// destination receives EventBridge events (`detail.bucket.name`, `detail.object.key`) rather than S3 event records.
///
/// Under the CDK profile it writes what CDK's `bucket.addEventNotification` writes — the entry in the bucket's
/// `<bucket>/Notifications` custom resource, the function's permission (`<bucket>/AllowBucketNotificationsTo<id>`)
/// or the queue's or topic's policy statement — served by `BucketNotificationsHandler`, Formwork's own handler at
/// CDK's logical IDs, and the destination receives S3 event records as under CDK. A migrated stack must keep that
/// custom resource: deleting it makes CDK's handler empty the bucket's notification configuration (EventBridge
/// included; ARCHITECTURE.md, "S3 notifications").
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
        guard scope.defaults.isFormwork else {
            _ = try BucketNotificationsHandler.shared(in: scope)
            scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in try configure(in: scope) }
            return
        }
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

extension BucketNotification {
    /// CDK's name of the event in a notification configuration (`s3.EventType`).
    var s3EventName: String {
        switch event {
        case .objectCreated: "s3:ObjectCreated:*"
        case .objectDeleted: "s3:ObjectRemoved:*"
        case .objectRestoreCompleted: "s3:ObjectRestore:Completed"
        }
    }

    /// Under the CDK profile: the entry of the bucket's `Custom::S3BucketNotifications`, and what lets S3 reach the
    /// destination, as CDK's `LambdaDestination`, `SqsDestination` and `SnsDestination` bind it.
    func configure(in scope: ConstructScope) throws(SynthesisError) {
        let bucketScope = try scope.scope(of: bucket)
        var rules: [Value] = []
        // CDK's order: the suffix rule, then the prefix rule.
        if let suffix { rules.append(["Name": "suffix", "Value": .string(suffix)]) }
        if let prefix { rules.append(["Name": "prefix", "Value": .string(prefix)]) }
        var filter: Value?
        if !rules.isEmpty { filter = ["Key": ["FilterRules": .array(rules)]] }
        let kind: BucketNotificationsResource.Entry.Kind
        let arn: Value
        let dependencies: [Dependency]
        switch destination {
        case let function as Function:
            let functionScope = try scope.scope(of: function)
            let permission = "AllowBucketNotificationsTo\(functionScope.uniqueId)"
            // An imported function gets no permission unless CDK's `canCreatePermissions` allows it, and the
            // notifications then depend on none.
            let permits = function.createsPermissions(in: bucketScope)
            if permits, bucketScope.existingChild(permission)?.hasElement != true {
                try bucketScope.declareResource(
                    CfnLambda.Permission(
                        action: "lambda:InvokeFunction", functionName: function.arn, principal: "s3.amazonaws.com", sourceAccount: Aws.accountId,
                        sourceArn: bucket.arn),
                    at: permission)
            }
            kind = .lambda
            arn = function.arn
            dependencies = permits ? [Dependency(on: bucket, element: [permission])] : []
        case let queue as Queue:
            scope.contribute(
                PolicyStatement(
                    actions: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], resources: [queue.arn],
                    principal: ["Service": "s3.amazonaws.com"], condition: ["ArnLike": ["aws:SourceArn": bucket.arn]]),
                to: queue, as: Queue.policyStatements)
            kind = .queue
            arn = queue.arn
            dependencies = [Dependency(on: queue)]
        case let topic as Topic:
            scope.contribute(
                PolicyStatement(
                    actions: ["sns:Publish"], resources: [topic.arn], principal: ["Service": "s3.amazonaws.com"],
                    condition: ["ArnLike": ["aws:SourceArn": bucket.arn]]),
                to: topic, as: Topic.policyStatements)
            kind = .topic
            arn = topic.arn
            dependencies = [Dependency(on: topic)]
        default:
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a bucket notifies a function, a queue or a topic; '\(destination.id)' is none")
        }
        scope.contribute(
            BucketNotificationsResource.Entry(kind: kind, events: [s3EventName], filter: filter, destinationArn: arn, dependencies: dependencies),
            to: bucket, as: BucketNotificationsResource.entries)
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
