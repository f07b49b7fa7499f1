#!/usr/bin/env python3
"""What CDK's S3 notifications handler does to a bucket when its `Custom::S3BucketNotifications` is deleted
after the bucket took Formwork's `NotificationConfiguration: {EventBridgeConfiguration: {}}` — the migration path
from a CDK stack (bucket + custom resource + `BucketNotificationsHandler<uuid>`) to a template that sets
EventBridge on the bucket itself. CloudFormation updates the bucket first, then, in cleanup, deletes the custom
resource, which calls the handler with `RequestType: Delete`.

CDK's handler is not copied: this script reads its source from the installed aws-cdk-lib at run time (the jsii
tarball in the `aws_cdk` package holds `custom-resource-handlers/dist/aws-s3/notifications-resource-handler/index.py`,
the code CDK inlines as the handler's `ZipFile`), runs it against a stub S3 client whose bucket already has the
configuration given, and records every `PutBucketNotificationConfiguration` it makes and what the bucket is left
with. Writes Tests/FormworkAWSTests/Fixtures/s3-notifications-delete.json, read by `BucketNotificationMigrationTests`.

usage: delete_path.py [--check]    (pip install -r Scripts/requirements.txt: aws-cdk-lib)
"""
import glob, json, os, sys, tarfile, types

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "FormworkAWSTests", "Fixtures", "s3-notifications-delete.json")
HANDLER = "package/custom-resource-handlers/dist/aws-s3/notifications-resource-handler/index.py"
STACK_ID = "arn:aws:cloudformation:eu-west-1:123456789012:stack/Orders/guid"
BUCKET = "orders-databucket-1a2b3c"


def cdk_handler_source():
    import importlib.util
    spec = importlib.util.find_spec("aws_cdk")  # found, not imported: importing starts the jsii runtime
    if spec is None:
        sys.exit("aws-cdk-lib is not installed: pip install -r Scripts/requirements.txt")
    folder = os.path.dirname(spec.origin)
    [tarball] = glob.glob(os.path.join(folder, "_jsii", "aws-cdk-lib@*.jsii.tgz"))
    with tarfile.open(tarball) as archive:
        return os.path.basename(tarball)[len("aws-cdk-lib@"):-len(".jsii.tgz")], archive.extractfile(HANDLER).read().decode()


class S3:
    """A stub S3 client for one bucket: answers GetBucketNotificationConfiguration with the bucket's configuration
    and replaces it on PutBucketNotificationConfiguration, as S3 does."""

    def __init__(self, configuration):
        self.configuration, self.puts = json.loads(json.dumps(configuration)), []

    def get_bucket_notification_configuration(self, Bucket):
        assert Bucket == BUCKET
        return json.loads(json.dumps(self.configuration))

    def put_bucket_notification_configuration(self, Bucket, NotificationConfiguration, SkipDestinationValidation=False):
        assert Bucket == BUCKET
        self.puts.append(json.loads(json.dumps(NotificationConfiguration)))
        self.configuration = json.loads(json.dumps(NotificationConfiguration))


def run(source, request, properties, bucket_configuration, old=None):
    """Runs the handler once; returns (answer status, puts, the bucket's configuration after)."""
    s3, answers = S3(bucket_configuration), []
    boto3 = types.ModuleType("boto3")
    boto3.client = lambda service, *args, **kwargs: s3
    saved = sys.modules.get("boto3")
    sys.modules["boto3"] = boto3
    try:
        module = types.ModuleType("index")
        exec(compile(source, "cdk-notifications-handler/index.py", "exec"), module.__dict__)
    finally:
        if saved is None:
            sys.modules.pop("boto3", None)
        else:
            sys.modules["boto3"] = saved
    # The answer to CloudFormation: captured instead of sent.
    class Sent:
        reason = "OK"
        def __enter__(self): return self
        def __exit__(self, *error): return False
        def read(self): return b""
    module.urllib = types.SimpleNamespace(request=types.SimpleNamespace(
        Request=lambda url, headers, data, method: answers.append(json.loads(data)),
        urlopen=lambda request: Sent()))
    module.print = lambda *values: None
    event = {"RequestType": request, "StackId": STACK_ID, "RequestId": "request", "LogicalResourceId": "DataBucketNotifications0A1B2C3D",
             "PhysicalResourceId": "DataBucketNotifications0A1B2C3D", "ResponseURL": "https://example.invalid/", "ResourceProperties": properties}
    if old is not None:
        event["OldResourceProperties"] = old
    module.handler(event, types.SimpleNamespace(log_stream_name="stream"))
    return answers[0]["Status"], s3.puts, s3.configuration


def properties(configuration, managed):
    # As CDK writes them (after CloudFormation turns booleans into strings for the handler).
    return {"ServiceToken": "arn:aws:lambda:eu-west-1:123456789012:function:BucketNotificationsHandler",
            "BucketName": BUCKET, "NotificationConfiguration": configuration, "Managed": "true" if managed else "false",
            "SkipDestinationValidation": "false"}


LAMBDA = {"LambdaFunctionConfigurations": [{"Events": ["s3:ObjectCreated:*"], "LambdaFunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:process",
                                            "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "uploads/"}]}}}]}
EVENTBRIDGE = {"EventBridgeConfiguration": {}}
# What S3 answers for a bucket with Formwork's configuration: `NotificationConfiguration: {EventBridgeConfiguration:
# {EventBridgeEnabled: true}}` in the template, `EventBridgeConfiguration: {}` through the API.
FORMWORK_BUCKET = {"EventBridgeConfiguration": {}}


def scenarios(source):
    """The Delete after the migration, for a custom resource that managed Lambda notifications and for one that
    turned EventBridge on (CDK's `eventBridgeEnabled`), in CDK's managed mode (a bucket of the stack: `Managed:
    true`) and unmanaged mode (an imported bucket: `Managed: false`)."""
    found = []
    for name, configuration in [("lambda", LAMBDA), ("eventBridge", EVENTBRIDGE)]:
        for managed in (True, False):
            status, puts, after = run(source, "Delete", properties(configuration, managed), FORMWORK_BUCKET)
            found.append({"request": "Delete", "managed": managed, "customResourceConfiguration": name, "bucketBefore": FORMWORK_BUCKET,
                          "status": status, "puts": puts, "bucketAfter": after,
                          "eventBridgeSurvives": "EventBridgeConfiguration" in after})
    return found


def main():
    version, source = cdk_handler_source()
    record = {
        "about": "CDK's S3 notifications handler (aws-cdk-lib, read at run time, not copied) on the Delete that removes its "
                 "Custom::S3BucketNotifications after the bucket took EventBridgeConfiguration; written by "
                 "Scripts/s3-notifications/delete_path.py",
        "awsCdkLib": version,
        "scenarios": scenarios(source),
    }
    managed = [s for s in record["scenarios"] if s["managed"]]
    unmanaged = [s for s in record["scenarios"] if not s["managed"]]
    record["conclusion"] = {
        "managedDeleteKeepsEventBridge": all(s["eventBridgeSurvives"] for s in managed),
        "unmanagedDeleteKeepsEventBridge": all(s["eventBridgeSurvives"] for s in unmanaged),
        "formworkKeepsTheCustomResourceUnderTheCdkProfile": not all(s["eventBridgeSurvives"] for s in managed),
    }
    text = json.dumps(record, indent=2, sort_keys=False) + "\n"
    if "--check" in sys.argv[1:]:
        with open(OUT) as recorded:
            if recorded.read() != text:
                sys.exit(f"{os.path.relpath(OUT, ROOT)} is not what aws-cdk-lib {version} does; run {os.path.relpath(__file__, ROOT)}")
        return
    with open(OUT, "w") as out:
        out.write(text)
    print(json.dumps(record["conclusion"]))


if __name__ == "__main__":
    main()
