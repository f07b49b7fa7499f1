"""The log retention provider's handler (Sources/FormworkAWS/Logs/LogRetentionProvider.swift, `handlerSource`), run
as Lambda runs inline code, against stubs of boto3's CloudWatch Logs client and of the `cfnresponse` module."""
import pathlib
import re
import sys
import textwrap
import types
import unittest

SOURCE = pathlib.Path(__file__).resolve().parents[3] / "Sources" / "FormworkAWS" / "Logs" / "LogRetentionProvider.swift"


class ClientError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.response = {"Error": {"Code": code}}


class Logs:
    """A CloudWatch Logs client that records its calls and fails as told: `failures[operation]` is a list of
    error codes raised by the next calls of it."""

    def __init__(self, calls, failures):
        self.calls, self.failures = calls, failures

    def __getattr__(self, operation):
        def call(**arguments):
            self.calls.append((operation, arguments))
            pending = self.failures.get(operation)
            if pending:
                raise ClientError(pending.pop(0))
        return call


class Context:
    function_name = "LogRetentionProvider"


def load(calls, failures, answers):
    boto3 = types.ModuleType("boto3")
    boto3.client = lambda service, region_name=None: Logs(calls, failures)
    cfnresponse = types.ModuleType("cfnresponse")
    cfnresponse.SUCCESS, cfnresponse.FAILED = "SUCCESS", "FAILED"
    cfnresponse.send = lambda event, context, status, data, physical, noEcho=False, reason=None: answers.append((status, physical, reason))
    time = types.ModuleType("time")
    time.sleep = lambda seconds: calls.append(("sleep", seconds))
    sys.modules.update(boto3=boto3, cfnresponse=cfnresponse, time=time)
    try:
        code = re.search(r'static let handlerSource = #"""\n(.*?)\n\s*"""#', SOURCE.read_text(), re.S).group(1)
        module = types.ModuleType("index")
        exec(textwrap.dedent(code), module.__dict__)
        return module
    finally:
        for name in ("boto3", "cfnresponse", "time"):
            sys.modules.pop(name, None)


def event(request, **properties):
    return {"RequestType": request, "ResourceProperties": dict({"ServiceToken": "arn", "LogGroupName": "/aws/lambda/orders"}, **properties)}


class LogRetentionHandlerTests(unittest.TestCase):
    def run_handler(self, request_event, failures=None):
        calls, answers = [], []
        load(calls, failures or {}, answers).handler(request_event, Context())
        return calls, answers

    def test_the_handler_fits_in_an_inline_zip_file(self):
        code = re.search(r'static let handlerSource = #"""\n(.*?)\n\s*"""#', SOURCE.read_text(), re.S).group(1)
        self.assertLess(len(textwrap.dedent(code)), 4096)

    def test_create_makes_the_group_sets_its_retention_and_a_day_for_its_own_logs(self):
        calls, answers = self.run_handler(event("Create", RetentionInDays="7"))
        self.assertEqual(calls, [
            ("create_log_group", {"logGroupName": "/aws/lambda/orders"}),
            ("put_retention_policy", {"logGroupName": "/aws/lambda/orders", "retentionInDays": 7}),
            ("create_log_group", {"logGroupName": "/aws/lambda/LogRetentionProvider"}),
            ("put_retention_policy", {"logGroupName": "/aws/lambda/LogRetentionProvider", "retentionInDays": 1}),
        ])
        self.assertEqual(answers, [("SUCCESS", "/aws/lambda/orders", None)])

    def test_a_group_that_exists_already_keeps_its_logs_and_gets_the_retention(self):
        calls, answers = self.run_handler(event("Update", RetentionInDays="30"), {"create_log_group": ["ResourceAlreadyExistsException"]})
        self.assertEqual(calls[-1], ("put_retention_policy", {"logGroupName": "/aws/lambda/orders", "retentionInDays": 30}))
        self.assertEqual(answers[0][0], "SUCCESS")

    def test_an_update_without_retention_removes_the_policy(self):
        calls, _ = self.run_handler(event("Update"))
        self.assertEqual(calls[-1], ("delete_retention_policy", {"logGroupName": "/aws/lambda/orders"}))

    def test_delete_keeps_the_group_unless_its_removal_policy_is_destroy(self):
        calls, answers = self.run_handler(event("Delete", RetentionInDays="7"))
        self.assertEqual(calls, [])
        self.assertEqual(answers, [("SUCCESS", "/aws/lambda/orders", None)])
        calls, _ = self.run_handler(event("Delete", RetentionInDays="7", RemovalPolicy="destroy"))
        self.assertEqual(calls, [("delete_log_group", {"logGroupName": "/aws/lambda/orders"})])

    def test_throttling_is_retried_with_backoff(self):
        calls, answers = self.run_handler(event("Update", RetentionInDays="7"), {"put_retention_policy": ["ThrottlingException", "ThrottlingException"]})
        self.assertEqual([call for call in calls if call[0] == "sleep"], [("sleep", 1), ("sleep", 2)])
        self.assertEqual(answers[0][0], "SUCCESS")

    def test_a_failure_is_answered_as_failed_with_its_reason(self):
        _, answers = self.run_handler(event("Update", RetentionInDays="7"), {"put_retention_policy": ["AccessDeniedException"]})
        self.assertEqual(answers, [("FAILED", "/aws/lambda/orders", "AccessDeniedException")])

    def test_throttling_that_does_not_end_fails_after_eight_attempts(self):
        _, answers = self.run_handler(event("Update", RetentionInDays="7"), {"put_retention_policy": ["ThrottlingException"] * 8})
        self.assertEqual(answers[0][0], "FAILED")


if __name__ == "__main__":
    unittest.main()
