import FormworkCore
import FormworkL1
import OrderedCollections

/// A bucket's notifications under the CDK profile, as CDK's `BucketNotifications` writes them: at
/// `<bucket>/Notifications`, a `Custom::S3BucketNotifications` served by `BucketNotificationsHandler` and an
/// inline policy (`HandlerPolicy`) that lets the handler's role put the bucket's notification configuration.
///
/// The resource waits for that policy, for what each destination needs (a function's permission, a queue's or
/// topic's policy) and for the bucket's policy, as CDK's does.
enum BucketNotificationsResource {
    /// One notification of the bucket, from ``BucketNotification``.
    struct Entry: Sendable {
        /// Which list of the configuration the entry goes to.
        enum Kind: Sendable { case lambda, queue, topic }
        var kind: Kind
        /// The S3 event names (`s3:ObjectCreated:*`).
        var events: [String]
        /// The key filter (`Filter.Key.FilterRules`); `nil`: none.
        var filter: Value?
        /// The destination's ARN.
        var destinationArn: Value
        /// What the custom resource waits for.
        var dependencies: [Dependency]

        var value: Value {
            var entry: OrderedDictionary<String, Value> = ["Events": .array(events.map { .string($0) })]
            if let filter { entry["Filter"] = filter }
            switch kind {
            case .lambda: entry["LambdaFunctionArn"] = destinationArn
            case .queue: entry["QueueArn"] = destinationArn
            case .topic: entry["TopicArn"] = destinationArn
            }
            return .object(entry)
        }
    }

    /// Set by notification edges under the CDK profile.
    static let entries = ContributionKey<Entry>("Bucket.notificationEntries")

    /// Declares the resource and its handler policy below `scope` (the bucket's), when the bucket has entries or
    /// sends its events to EventBridge.
    static func declare(for bucket: Bucket, entries: [Entry], eventBridge: Bool, in scope: ConstructScope) throws(SynthesisError) {
        guard eventBridge || !entries.isEmpty else { return }
        let handler = try BucketNotificationsHandler.shared(in: scope)
        let notifications = try scope.child("Notifications")
        // With `@aws-cdk/aws-s3:keepNotificationInImportedBucket` CDK treats even the stack's own bucket as unmanaged:
        // the handler reads the bucket's configuration (`s3:GetBucketNotification`) and keeps what it did not write.
        let managed = !scope.defaults.isEnabled(.s3KeepNotificationInImportedBucket)
        var statements = [PolicyStatement(actions: ["s3:PutBucketNotification"], resources: [bucket.arn])]
        if !managed { statements.append(PolicyStatement(actions: ["s3:GetBucketNotification"], resources: [bucket.arn])) }
        try notifications.child("HandlerPolicy").declareResource(
            CfnIAM.Policy(
                policyDocument: PolicyDocument(statements, minimizing: scope.minimizesPolicies).value,
                policyName: .string(String(notifications.child("HandlerPolicy").child("Resource").logicalIdFromPath.suffix(128))),
                roles: [handler.role.name]),
            transforms: scope.policyTransforms)
        // CDK's order of the configuration's lists.
        var configuration = OrderedDictionary<String, Value>()
        if eventBridge { configuration["EventBridgeConfiguration"] = .object([:]) }
        let lists: [(Entry.Kind, String)] = [(.lambda, "LambdaFunctionConfigurations"), (.queue, "QueueConfigurations"), (.topic, "TopicConfigurations")]
        for (kind, list) in lists {
            let listed = entries.filter { $0.kind == kind }
            if !listed.isEmpty { configuration[list] = .array(listed.map(\.value)) }
        }
        let dependencies =
            entries.flatMap(\.dependencies) + [
                Dependency(on: bucket, element: ["Notifications", "HandlerPolicy"]), Dependency(on: bucket, element: ["Policy"]),
            ]
        try notifications.declareResource(
            Properties(serviceToken: handler.arn, bucketName: bucket.name, notificationConfiguration: .object(configuration), managed: managed),
            dependencies: dependencies)
    }

    /// The properties the handler reads, in the order CDK writes them (a custom resource's are not sorted).
    struct Properties: ResourceProperties {
        static let resourceType = "Custom::S3BucketNotifications"
        /// The handler function's ARN.
        var serviceToken: Value
        /// The bucket's name.
        var bucketName: Value
        /// The configuration to put: `EventBridgeConfiguration`, `LambdaFunctionConfigurations`,
        /// `QueueConfigurations`, `TopicConfigurations`.
        var notificationConfiguration: Value
        /// Whether the handler owns the bucket's whole configuration (`true`) or keeps what it did not write.
        var managed: Bool

        var properties: OrderedDictionary<String, Value> {
            [
                "ServiceToken": serviceToken, "BucketName": bucketName, "NotificationConfiguration": notificationConfiguration,
                "Managed": .bool(managed), "SkipDestinationValidation": false,
            ]
        }
    }
}
