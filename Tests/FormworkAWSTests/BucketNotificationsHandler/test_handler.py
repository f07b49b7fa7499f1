"""The S3 notifications handler (Sources/FormworkAWS/S3/BucketNotificationsHandler.swift, `handlerSource`), run as
Lambda runs inline code, against stubs of boto3's S3 client and of the `cfnresponse` module; and CDK's recorded
behaviour on the migration's Delete (Fixtures/s3-notifications-delete.json, written by
Scripts/s3-notifications/delete_path.py from CDK's own handler), which is why Formwork keeps the resource."""
import json
import pathlib
import re
import sys
import textwrap
import types
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[3]
SOURCE = ROOT / "Sources" / "FormworkAWS" / "S3" / "BucketNotificationsHandler.swift"
RECORDED = ROOT / "Tests" / "FormworkAWSTests" / "Fixtures" / "s3-notifications-delete.json"


def handler_code():
    return textwrap.dedent(re.search(r'static let handlerSource = #"""\n(.*?)\n\s*"""#', SOURCE.read_text(), re.S).group(1))


class ClientError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.response = {"Error": {"Code": code}}


class S3:
    """One bucket's notification configuration; `failures[operation]` lists error codes raised by its next calls."""

    def __init__(self, configuration, calls, failures):
        self.configuration, self.calls, self.failures = configuration, calls, failures

    def _fail(self, operation):
        pending = self.failures.get(operation)
        if pending:
            raise ClientError(pending.pop(0))

    def get_bucket_notification_configuration(self, Bucket):
        self.calls.append(("get", Bucket))
        self._fail("get")
        return json.loads(json.dumps(self.configuration))

    def put_bucket_notification_configuration(self, Bucket, NotificationConfiguration, SkipDestinationValidation):
        self.calls.append(("put", Bucket, NotificationConfiguration, SkipDestinationValidation))
        self._fail("put")
        self.configuration = NotificationConfiguration


def load(s3, answers, sleeps):
    boto3 = types.ModuleType("boto3")
    boto3.client = lambda service, **arguments: s3
    cfnresponse = types.ModuleType("cfnresponse")
    cfnresponse.SUCCESS, cfnresponse.FAILED = "SUCCESS", "FAILED"
    cfnresponse.send = lambda event, context, status, data, physical, noEcho=False, reason=None: answers.append((status, physical, reason))
    time = types.ModuleType("time")
    time.sleep = sleeps.append
    saved = {name: sys.modules.get(name) for name in ("boto3", "cfnresponse", "time")}
    sys.modules.update(boto3=boto3, cfnresponse=cfnresponse, time=time)
    try:
        module = types.ModuleType("index")
        exec(handler_code(), module.__dict__)
        return module
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


LAMBDA = {"Events": ["s3:ObjectCreated:*"], "LambdaFunctionArn": "arn:aws:lambda:eu-west-1:1:function:process",
          "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "uploads/"}]}}}
QUEUE = {"Events": ["s3:ObjectRemoved:*"], "QueueArn": "arn:aws:sqs:eu-west-1:1:inbox"}


def event(request, configuration, managed=True, old=None, physical=None):
    found = {"RequestType": request, "LogicalResourceId": "DataNotifications52F6216C", "StackId": "stack",
             "ResourceProperties": {"ServiceToken": "arn", "BucketName": "data", "NotificationConfiguration": configuration,
                                    "Managed": "true" if managed else "false", "SkipDestinationValidation": "false"}}
    if old is not None:
        found["OldResourceProperties"] = {"NotificationConfiguration": old}
    if physical:
        found["PhysicalResourceId"] = physical
    return found


class BucketNotificationsHandlerTests(unittest.TestCase):
    def run_handler(self, request_event, bucket=None, failures=None):
        calls, answers, sleeps = [], [], []
        s3 = S3(bucket or {}, calls, failures or {})
        load(s3, answers, sleeps).handler(request_event, None)
        return s3.configuration, calls, answers, sleeps

    def test_the_handler_fits_in_an_inline_zip_file(self):
        self.assertLess(len(handler_code()), 4096)

    def test_managed_create_puts_the_whole_configuration(self):
        after, calls, answers, _ = self.run_handler(event("Create", {"LambdaFunctionConfigurations": [LAMBDA]}), {"QueueConfigurations": [QUEUE]})
        self.assertEqual(after, {"LambdaFunctionConfigurations": [LAMBDA]})
        self.assertEqual(calls, [("put", "data", {"LambdaFunctionConfigurations": [LAMBDA]}, False)])
        self.assertEqual(answers, [("SUCCESS", "DataNotifications52F6216C", None)])

    def test_managed_event_bridge_is_put_as_given(self):
        after, _, _, _ = self.run_handler(event("Create", {"EventBridgeConfiguration": {}}))
        self.assertEqual(after, {"EventBridgeConfiguration": {}})

    def test_an_update_answers_the_physical_id_it_was_sent_so_it_is_no_replacement(self):
        _, _, answers, _ = self.run_handler(event("Update", {"QueueConfigurations": [QUEUE]}, old={}, physical="kept-id"))
        self.assertEqual(answers, [("SUCCESS", "kept-id", None)])

    def test_managed_delete_empties_the_configuration(self):
        after, _, answers, _ = self.run_handler(event("Delete", {"LambdaFunctionConfigurations": [LAMBDA]}, physical="id"),
                                                {"LambdaFunctionConfigurations": [LAMBDA]})
        self.assertEqual(after, {})
        self.assertEqual(answers, [("SUCCESS", "id", None)])

    def test_unmanaged_update_keeps_what_it_did_not_write_and_event_bridge(self):
        other = {"Id": "theirs", "Events": ["s3:ObjectCreated:*"], "TopicArn": "arn:aws:sns:eu-west-1:1:other"}
        written = dict(QUEUE, Id="ours")
        bucket = {"TopicConfigurations": [other], "QueueConfigurations": [written], "EventBridgeConfiguration": {}}
        after, _, _, _ = self.run_handler(event("Update", {"LambdaFunctionConfigurations": [LAMBDA]}, managed=False, old={"QueueConfigurations": [QUEUE]}), bucket)
        self.assertEqual(after, {"TopicConfigurations": [other], "QueueConfigurations": [], "LambdaFunctionConfigurations": [LAMBDA], "EventBridgeConfiguration": {}})

    def test_unmanaged_delete_removes_only_its_own_entries(self):
        bucket = {"LambdaFunctionConfigurations": [dict(LAMBDA, Id="x", Filter={"Key": {"FilterRules": [{"Name": "Prefix", "Value": "uploads/"}]}})],
                  "EventBridgeConfiguration": {}}
        after, _, _, _ = self.run_handler(event("Delete", {"LambdaFunctionConfigurations": [LAMBDA]}, managed=False), bucket)
        self.assertEqual(after, {"TopicConfigurations": [], "QueueConfigurations": [], "LambdaFunctionConfigurations": [], "EventBridgeConfiguration": {}})

    def test_throttling_is_retried_and_other_errors_fail_the_request(self):
        after, _, answers, sleeps = self.run_handler(event("Create", {"QueueConfigurations": [QUEUE]}), failures={"put": ["SlowDown", "OperationAborted"]})
        self.assertEqual((after, answers[0][0], sleeps), ({"QueueConfigurations": [QUEUE]}, "SUCCESS", [1, 2]))
        _, _, answers, _ = self.run_handler(event("Create", {"QueueConfigurations": [QUEUE]}), failures={"put": ["InvalidArgument"]})
        self.assertEqual(answers, [("FAILED", "DataNotifications52F6216C", "InvalidArgument")])


class RecordedCdkBehaviourTests(unittest.TestCase):
    """CDK's handler, recorded: deleting CDK's resource on a bucket of the stack (`Managed: true`) empties its
    configuration, the EventBridge setting included; so under the CDK profile Formwork keeps the resource, at CDK's
    logical ID, and a migration never deletes it."""

    def test_cdk_s_managed_delete_removes_event_bridge_so_formwork_keeps_the_resource(self):
        recorded = json.loads(RECORDED.read_text())
        self.assertEqual(recorded["conclusion"], {"managedDeleteKeepsEventBridge": False, "unmanagedDeleteKeepsEventBridge": True,
                                                  "formworkKeepsTheCustomResourceUnderTheCdkProfile": True})
        for scenario in recorded["scenarios"]:
            self.assertEqual(scenario["bucketBefore"], {"EventBridgeConfiguration": {}})
            self.assertEqual(scenario["eventBridgeSurvives"], not scenario["managed"], scenario)
        swift = SOURCE.read_text()
        self.assertIn('singletonId = "BucketNotificationsHandler050a0587b7544547bf325f094a3db834"', swift)

    def test_formwork_s_handler_agrees_with_cdk_s_on_every_recorded_delete(self):
        for scenario in json.loads(RECORDED.read_text())["scenarios"]:
            configuration = {"LambdaFunctionConfigurations": [LAMBDA]} if scenario["customResourceConfiguration"] == "lambda" else {"EventBridgeConfiguration": {}}
            after, _, _, _ = self.run_delete(configuration, scenario["managed"], scenario["bucketBefore"])
            self.assertEqual("EventBridgeConfiguration" in after, scenario["eventBridgeSurvives"], scenario)

    def run_delete(self, configuration, managed, bucket):
        calls, answers, sleeps = [], [], []
        s3 = S3(json.loads(json.dumps(bucket)), calls, {})
        load(s3, answers, sleeps).handler(event("Delete", configuration, managed=managed, physical="id"), None)
        return s3.configuration, calls, answers, sleeps


if __name__ == "__main__":
    unittest.main()
