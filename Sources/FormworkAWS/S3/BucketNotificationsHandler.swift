import FormworkCore
import FormworkL1

/// The function behind every bucket's `Custom::S3BucketNotifications` under the CDK profile, at CDK's path for it
/// (`BucketNotificationsHandler<uuid>`, the id of CDK's singleton, so a migrated stack keeps its logical IDs): a
/// role (`<id>/Role`) with Lambda's basic execution policy, which each bucket's `Notifications/HandlerPolicy`
/// allows to put that bucket's notification configuration, and Formwork's own handler, inline.
///
/// Why it exists: CDK's handler, when CloudFormation deletes its custom resource, puts an empty notification
/// configuration on a bucket of the stack (`Managed: true`) — EventBridge included. A migration that replaced the
/// custom resource with the bucket's own `NotificationConfiguration` would therefore lose every notification in
/// the cleanup of the very deploy that set it (`Scripts/s3-notifications/delete_path.py` records this from CDK's
/// handler; ARCHITECTURE.md, "S3 notifications"). Keeping the resource and its handler at CDK's logical IDs, with
/// the same properties, means a migration calls no handler at all: only the function's code changes.
///
/// The handler (``handlerSource``): on `Create` and `Update` of a managed resource (`Managed: true`), puts the
/// resource's `NotificationConfiguration` as the bucket's whole configuration; on `Delete`, puts an empty one. For
/// an unmanaged one (an imported bucket), it reads the bucket's configuration and keeps every entry it did not write
/// (the entries of `OldResourceProperties` on `Update`, of `ResourceProperties` on `Delete`, compared without their
/// `Id`) and an `EventBridgeConfiguration` that is there, adding its own entries on `Create` and `Update`.
/// `SkipDestinationValidation` is passed on. The answer's physical ID is the one CloudFormation sent, else the
/// logical ID, so an update never reads as a replacement. Throttling (`SlowDown`, `OperationAborted`) is retried
/// with backoff. `Tests/FormworkAWSTests/BucketNotificationsHandler/test_handler.py` runs it against stubs of the
/// AWS SDK and of `cfnresponse`.
struct BucketNotificationsHandler: IdentifiedConstruct {
    /// CDK's id for the singleton: `BucketNotificationsHandler` and its UUID without dashes.
    static let singletonId = "BucketNotificationsHandler050a0587b7544547bf325f094a3db834"

    let id = BucketNotificationsHandler.singletonId
    let identity = ConstructIdentity()
    /// The role the handler runs with (`<id>/Role`, CDK's path; a ``Function``'s would be `ServiceRole`).
    let role = Role("Role", assumedBy: "lambda.amazonaws.com", managedPolicyArns: [Role.awsManagedPolicy("service-role/AWSLambdaBasicExecutionRole")])

    /// The stack's handler, added with the first bucket that needs it.
    static func shared(in scope: ConstructScope) throws(SynthesisError) -> BucketNotificationsHandler {
        try scope.stackSingleton(singletonId) { BucketNotificationsHandler() }
    }

    /// The function's ARN, the custom resources' `ServiceToken`.
    var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnLambda.Function.Attribute.arn.rawValue))) }

    func expand(in scope: ConstructScope) throws(SynthesisError) {
        try scope.add(role)
        try scope.declareResource(
            CfnLambda.Function(
                code: CfnLambda.Function.Code(zipFile: .string(Self.handlerSource)),
                description: #"AWS CloudFormation handler for "Custom::S3BucketNotifications" resources (@aws-cdk/aws-s3)"#,
                handler: "index.handler", role: role.arn, runtime: "python3.13", timeout: 300),
            dependencies: [Dependency(on: role)])
    }

    /// The handler, Python 3 with the `boto3` and `cfnresponse` modules Lambda provides to inline code.
    static let handlerSource = #"""
        import json
        import time
        import boto3
        import cfnresponse

        KINDS = ("TopicConfigurations", "QueueConfigurations", "LambdaFunctionConfigurations")


        def attempt(call, **arguments):
            for retry in range(8):
                try:
                    return call(**arguments)
                except Exception as error:
                    code = getattr(error, "response", {}).get("Error", {}).get("Code", "")
                    if code not in ("SlowDown", "OperationAborted", "Throttling") or retry == 7:
                        raise
                    time.sleep(min(2 ** retry, 20))


        def key(entry):
            rest = {name: value for name, value in entry.items() if name != "Id"}
            return json.dumps(rest, sort_keys=True).lower()


        def merged(s3, bucket, request, wanted, written):
            existing = attempt(s3.get_bucket_notification_configuration, Bucket=bucket)
            ours = {key(entry) for kind in KINDS for entry in written.get(kind, [])}
            result = {}
            for kind in KINDS:
                kept = [entry for entry in existing.get(kind, []) if key(entry) not in ours]
                result[kind] = kept + ([] if request == "Delete" else list(wanted.get(kind, [])))
            if "EventBridgeConfiguration" in existing or "EventBridgeConfiguration" in wanted:
                result["EventBridgeConfiguration"] = {}
            return result


        def handler(event, context):
            settings = event["ResourceProperties"]
            physical = event.get("PhysicalResourceId") or event["LogicalResourceId"]
            try:
                s3 = boto3.client("s3")
                request = event["RequestType"]
                bucket = settings["BucketName"]
                wanted = settings.get("NotificationConfiguration") or {}
                if str(settings.get("Managed", "true")).lower() == "true":
                    configuration = {} if request == "Delete" else wanted
                else:
                    written = (event.get("OldResourceProperties") or {}).get("NotificationConfiguration") or {}
                    configuration = merged(s3, bucket, request, wanted, wanted if request == "Delete" else written)
                skip = str(settings.get("SkipDestinationValidation", "false")).lower() == "true"
                attempt(s3.put_bucket_notification_configuration, Bucket=bucket, NotificationConfiguration=configuration,
                        SkipDestinationValidation=skip)
                cfnresponse.send(event, context, cfnresponse.SUCCESS, {}, physical)
            except Exception as error:
                cfnresponse.send(event, context, cfnresponse.FAILED, {}, physical, reason=str(error)[:500])
        """#
}
