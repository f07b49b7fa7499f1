#!/usr/bin/env python3
"""Tests of fault_proxy.py against a real moto server with signature checking on, driven by boto3.

    python3 -m unittest -v Tests/FormworkCloudTests/FaultProxy/test_fault_proxy.py

Needs `pip install 'moto[server]' boto3`; skips everything when either is missing.
"""

import http.client
import json
import os
import random
import socket
import subprocess
import sys
import time
import unittest
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import fault_proxy  # noqa: E402  (for the template parser's unit tests)

try:
    import boto3
    import botocore.config
    import botocore.exceptions
    import botocore.parsers
    import moto  # noqa: F401
except ImportError:  # pragma: no cover
    boto3 = None

REGION = "us-east-1"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_listening(port, process, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server exited with status %s" % process.returncode)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("nothing listens on %d" % port)


def template(*resources, extra=None):
    """A JSON template of SQS queues (moto creates them) named after `resources`."""
    body = {"Resources": {name: {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": name + "-" + uuid.uuid4().hex[:6]}}
                          for name in resources}}
    for name, properties in (extra or {}).items():
        body["Resources"][name]["Properties"].update(properties)
    return json.dumps(body)


@unittest.skipIf(boto3 is None, "boto3 and moto[server] are needed")
class FaultProxyTests(unittest.TestCase):
    moto = None
    proxy = None

    @classmethod
    def setUpClass(cls):
        moto_port = free_port()
        environment = dict(os.environ, INITIAL_NO_AUTH_ACTION_COUNT="3")
        cls.moto_log = open(os.path.join("/tmp", "fault-proxy-test-moto-%d.log" % moto_port), "w")
        cls.moto = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(moto_port)],
                                    env=environment, stdout=cls.moto_log, stderr=cls.moto_log)
        wait_listening(moto_port, cls.moto)
        cls.moto_endpoint = "http://127.0.0.1:%d" % moto_port
        cls.proxy = subprocess.Popen([sys.executable, os.path.join(HERE, "fault_proxy.py"), "--upstream",
                                      cls.moto_endpoint, "--port", "0"], stdout=subprocess.PIPE)
        cls.port = int(cls.proxy.stdout.readline().decode().strip())
        cls.endpoint = "http://127.0.0.1:%d" % cls.port
        # The three free actions, through the proxy: a user, its key, a policy allowing everything.
        iam = cls.client("iam", key=("AKIDBOOTSTRAP", "unchecked"))
        iam.create_user(UserName="fault-proxy-tests")
        key = iam.create_access_key(UserName="fault-proxy-tests")["AccessKey"]
        iam.put_user_policy(UserName="fault-proxy-tests", PolicyName="all", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
        cls.key = (key["AccessKeyId"], key["SecretAccessKey"])

    @classmethod
    def tearDownClass(cls):
        for process in (cls.proxy, cls.moto):
            if process is not None:
                process.kill()
                process.wait()
        if cls.proxy is not None:
            cls.proxy.stdout.close()
        cls.moto_log.close()

    @classmethod
    def client(cls, service, key=None, attempts=1, read_timeout=30, endpoint=None):
        key = key or cls.key
        return boto3.session.Session(aws_access_key_id=key[0], aws_secret_access_key=key[1], region_name=REGION).client(
            service, endpoint_url=endpoint or cls.endpoint, config=botocore.config.Config(
                retries={"total_max_attempts": attempts, "mode": "standard"}, read_timeout=read_timeout,
                connect_timeout=5, s3={"addressing_style": "path"}))

    def control(self, method, route, value=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        body = json.dumps(value).encode() if value is not None else None
        connection.request(method, "/__fault__/" + route, body=body, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        data = json.loads(response.read() or b"null")
        connection.close()
        self.assertEqual(response.status, 200, data)
        return data

    def configure(self, **document):
        return self.control("POST", "config", document)

    def log(self, **filters):
        query = "&".join("%s=%s" % item for item in filters.items())
        return self.control("GET", "log" + ("?" + query if query else ""))["log"]

    def setUp(self):
        self.control("POST", "reset")
        self.cfn = self.client("cloudformation")
        self.stack = "fp-" + uuid.uuid4().hex[:10]

    def error_of(self, call, *args, **kwargs):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            call(*args, **kwargs)
        return caught.exception.response

    def status(self, stack=None):
        return self.cfn.describe_stacks(StackName=stack or self.stack)["Stacks"][0]["StackStatus"]

    def events(self, stack=None):
        """The stack's events, oldest first, as (logical id, status, reason)."""
        pages = self.cfn.get_paginator("describe_stack_events").paginate(StackName=stack or self.stack)
        found = [event for page in pages for event in page["StackEvents"]]
        return [(event["LogicalResourceId"], event["ResourceStatus"], event.get("ResourceStatusReason"))
                for event in reversed(found)]

    def create_via_change_set(self, body, stack=None, name="cs-create", token=None):
        stack = stack or self.stack
        self.cfn.create_change_set(StackName=stack, ChangeSetName=name, ChangeSetType="CREATE", TemplateBody=body)
        extra = {"ClientRequestToken": token} if token else {}
        self.cfn.execute_change_set(StackName=stack, ChangeSetName=name, **extra)

    def update_via_change_set(self, body, name="cs-update"):
        self.cfn.create_change_set(StackName=self.stack, ChangeSetName=name, ChangeSetType="UPDATE", TemplateBody=body)
        self.cfn.execute_change_set(StackName=self.stack, ChangeSetName=name)

    def poll_until_settled(self, limit=50):
        statuses = []
        for _ in range(limit):
            status = self.status()
            statuses.append(status)
            if not status.endswith("_IN_PROGRESS"):
                return statuses
        self.fail("still in progress after %d polls: %s" % (limit, statuses))

    # ---- signatures and forwarding -------------------------------------------------------------------

    def test_signed_requests_verify_at_moto_through_the_proxy(self):
        self.cfn.list_stacks()
        self.assertEqual(self.client("sts").get_caller_identity()["Arn"].split("/")[-1], "fault-proxy-tests")
        wrong = self.client("cloudformation", key=(self.key[0], "not-the-secret"))
        self.assertEqual(self.error_of(wrong.list_stacks)["Error"]["Code"], "SignatureDoesNotMatch")
        s3 = self.client("s3")
        bucket = "fp-bucket-" + uuid.uuid4().hex[:8]
        s3.create_bucket(Bucket=bucket)
        s3.put_object(Bucket=bucket, Key="a/b c.json", Body=b"\x00binary\xffbody")
        self.assertEqual(s3.get_object(Bucket=bucket, Key="a/b c.json")["Body"].read(), b"\x00binary\xffbody")
        self.assertEqual(s3.head_object(Bucket=bucket, Key="a/b c.json")["ContentLength"], 12)
        wrong_s3 = self.client("s3", key=(self.key[0], "not-the-secret"))
        self.assertEqual(self.error_of(wrong_s3.get_object, Bucket=bucket, Key="a/b c.json")["Error"]["Code"],
                         "SignatureDoesNotMatch")
        entries = self.log()
        self.assertEqual([entry["action"] for entry in entries[:2]], ["ListStacks", "GetCallerIdentity"])
        self.assertEqual(entries[2]["status"], 403)
        self.assertEqual([(entry["service"], entry["method"]) for entry in entries[3:6]],
                         [("s3", "PUT"), ("s3", "PUT"), ("s3", "GET")])
        self.assertTrue(all(entry["forwarded"] and entry["fault"] is None for entry in entries))

    def test_control_api_reports_unknown_routes_and_bad_rules(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        connection.request("POST", "/__fault__/config", body=json.dumps({"rules": [{"fault": "explode"}]}))
        response = connection.getresponse()
        self.assertEqual(response.status, 400)
        self.assertIn("unknown fault", json.loads(response.read())["error"])
        connection.request("GET", "/__fault__/nothing")
        response = connection.getresponse()
        self.assertEqual(response.status, 404)
        response.read()
        connection.close()
        self.assertTrue(self.control("GET", "health")["ok"])

    # ---- faults --------------------------------------------------------------------------------------

    def test_throttling_by_action_and_count_then_success(self):
        self.configure(rules=[{"action": "ListStacks", "fault": "throttle", "count": 2}])
        for _ in range(2):
            error = self.error_of(self.cfn.list_stacks)
            self.assertEqual((error["Error"]["Code"], error["Error"]["Message"]), ("Throttling", "Rate exceeded"))
            self.assertEqual(error["ResponseMetadata"]["HTTPStatusCode"], 400)
            self.assertEqual(error["Error"]["Type"], "Sender")
        self.cfn.list_stacks()
        self.assertEqual([(entry["fault"], entry["status"], entry["forwarded"]) for entry in self.log(action="ListStacks")],
                         [("throttle", 400, False), ("throttle", 400, False), (None, 200, True)])
        rules = self.control("GET", "rules")["rules"]
        self.assertEqual((rules[0]["matched"], rules[0]["fired"]), (3, 2))

    def test_a_retrying_client_gets_through_throttling(self):
        self.configure(rules=[{"action": "GetCallerIdentity", "fault": "throttle", "count": 2}])
        self.client("sts", attempts=3).get_caller_identity()
        self.assertEqual([entry["status"] for entry in self.log(action="GetCallerIdentity")], [400, 400, 200])
        self.assertIn(b"sts.amazonaws.com", self.raw_fault_body("sts"))

    def test_rest_json_throttling_is_429_with_the_error_type_in_a_header(self):
        self.configure(rules=[{"service": "lambda", "fault": "throttle"}])
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        connection.request("GET", "/2015-03-31/functions/worker/configuration", headers={
            "Authorization": "AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0"})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        self.assertEqual(response.status, 429)
        self.assertEqual(response.getheader("x-amzn-ErrorType"), "TooManyRequestsException")
        self.assertEqual(json.loads(body)["message"], "Rate exceeded")

    def raw_fault_body(self, service):
        self.configure(rules=[{"fault": "throttle"}])
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        version = {"sts": "2011-06-15", "cloudformation": "2010-05-15"}[service]
        connection.request("POST", "/", body="Action=Anything&Version=%s" % version,
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
        body = connection.getresponse().read()
        connection.close()
        return body

    def test_s3_throttling_is_503_slow_down_by_method_and_path(self):
        s3 = self.client("s3")
        bucket = "fp-bucket-" + uuid.uuid4().hex[:8]
        s3.create_bucket(Bucket=bucket)
        self.configure(rules=[{"method": "PUT", "path": "^/%s/templates/" % bucket, "fault": "throttle", "count": 1}])
        s3.put_object(Bucket=bucket, Key="assets/x", Body=b"x")  # another path: through
        error = self.error_of(s3.put_object, Bucket=bucket, Key="templates/t.json", Body=b"{}")
        self.assertEqual((error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]), ("SlowDown", 503))
        s3.put_object(Bucket=bucket, Key="templates/t.json", Body=b"{}")
        self.assertEqual([entry["fault"] for entry in self.log(service="s3")][-3:], [None, "throttle", None])

    def test_server_errors(self):
        self.configure(rules=[{"action": "ListStacks", "fault": "internal_error", "count": 1},
                              {"action": "ListStacks", "fault": "unavailable", "count": 1},
                              {"action": "ListStacks", "fault": "error", "status": 400, "code": "ExpiredToken",
                               "message": "The security token included in the request is expired", "count": 1}])
        error = self.error_of(self.cfn.list_stacks)
        self.assertEqual((error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]), ("InternalFailure", 500))
        error = self.error_of(self.cfn.list_stacks)
        self.assertEqual((error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]), ("ServiceUnavailable", 503))
        error = self.error_of(self.cfn.list_stacks)
        self.assertEqual(error["Error"]["Code"], "ExpiredToken")
        self.cfn.list_stacks()

    def test_probability_is_deterministic_for_a_seed(self):
        def outcomes():
            self.configure(seed=7, rules=[{"action": "ListStacks", "fault": "throttle", "probability": 0.5}])
            seen = []
            for _ in range(12):
                try:
                    self.cfn.list_stacks()
                    seen.append(False)
                except botocore.exceptions.ClientError:
                    seen.append(True)
            return seen

        expected = [rng < 0.5 for rng in (lambda r: [r.random() for _ in range(12)])(random.Random(7))]
        self.assertEqual(outcomes(), expected)
        self.assertEqual(outcomes(), expected)
        self.assertIn(True, expected)
        self.assertIn(False, expected)

    def test_dropped_answer_after_the_request_took_effect(self):
        self.configure(rules=[{"action": "CreateStack", "fault": "drop_after", "count": 1}])
        with self.assertRaises(botocore.exceptions.ConnectionClosedError):
            self.cfn.create_stack(StackName=self.stack, TemplateBody=template("Queue"))
        self.assertEqual(self.status(), "CREATE_COMPLETE")  # it happened
        entry = self.log(action="CreateStack")[0]
        self.assertEqual((entry["fault"], entry["status"], entry["forwarded"]), ("drop_after", None, True))
        # A retry finds the stack there, as against real AWS.
        error = self.error_of(self.cfn.create_stack, StackName=self.stack, TemplateBody=template("Queue"))
        self.assertEqual(error["Error"]["Code"], "AlreadyExistsException")

    def test_dropped_answer_with_a_reset_and_500_after_forwarding(self):
        self.configure(rules=[{"action": "CreateStack", "fault": "drop_after", "reset": True, "count": 1},
                              {"action": "DeleteStack", "fault": "error_after", "count": 1}])
        with self.assertRaises((botocore.exceptions.ConnectionClosedError, botocore.exceptions.EndpointConnectionError)):
            self.cfn.create_stack(StackName=self.stack, TemplateBody=template("Queue"))
        error = self.error_of(self.cfn.delete_stack, StackName=self.stack)
        self.assertEqual((error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]), ("InternalFailure", 500))
        self.assertEqual(self.error_of(self.cfn.describe_stacks, StackName=self.stack)["Error"]["Code"], "ValidationError")

    def test_dropped_before_forwarding_has_no_effect(self):
        self.configure(rules=[{"action": "CreateStack", "fault": "drop_before", "count": 1}])
        with self.assertRaises(botocore.exceptions.ConnectionClosedError):
            self.cfn.create_stack(StackName=self.stack, TemplateBody=template("Queue"))
        self.assertIn("does not exist", self.error_of(self.status)["Error"]["Message"])

    def test_slow_and_stalled_bodies(self):
        self.cfn.create_stack(StackName=self.stack, TemplateBody=template("Queue"))
        self.configure(rules=[{"action": "DescribeStacks", "fault": "slow_body", "chunk": 200, "interval": 0.1, "count": 1}])
        started = time.time()
        self.assertEqual(self.status(), "CREATE_COMPLETE")  # every byte arrives, slowly
        self.assertGreater(time.time() - started, 0.2)
        self.configure(rules=[{"action": "DescribeStacks", "fault": "slow_body", "stall_after": 100, "max_seconds": 5}])
        with self.assertRaises(botocore.exceptions.ReadTimeoutError):
            self.client("cloudformation", read_timeout=1).describe_stacks(StackName=self.stack)

    def test_a_delay_before_forwarding(self):
        self.configure(rules=[{"action": "ListStacks", "fault": "delay", "seconds": 0.6, "count": 1}])
        started = time.time()
        self.cfn.list_stacks()
        self.assertGreater(time.time() - started, 0.55)
        with self.assertRaises(botocore.exceptions.ReadTimeoutError):
            self.configure(rules=[{"action": "ListStacks", "fault": "delay", "seconds": 2, "count": 1}])
            self.client("cloudformation", read_timeout=0.5).list_stacks()

    def test_hostile_redirect_is_not_followed(self):
        self.configure(rules=[{"action": "ListStacks", "fault": "redirect", "status": 307,
                               "location": "http://attacker.invalid/steal"},
                              {"method": "GET", "path": "^/fp-", "fault": "redirect", "status": 302}])
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        connection.request("POST", "/", body="Action=ListStacks&Version=2010-05-15",
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        response.read()
        self.assertEqual((response.status, response.getheader("Location")), (307, "http://attacker.invalid/steal"))
        connection.request("GET", "/fp-bucket/key")
        response = connection.getresponse()
        response.read()
        self.assertEqual((response.status, response.getheader("Location")),
                         (302, "http://fault-proxy-redirect.invalid/fp-bucket/key"))
        connection.close()
        # botocore does not follow it either: the 307 fails the call, and nothing else was asked.
        with self.assertRaises((botocore.exceptions.ClientError, botocore.parsers.ResponseParserError)):
            self.cfn.list_stacks()
        self.assertEqual([entry["status"] for entry in self.log()], [307, 302, 307])

    def test_endless_bodies(self):
        for mode in ("chunked", "length"):
            self.configure(rules=[{"action": "ListStacks", "fault": "endless_body", "mode": mode, "interval": 0}])
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            connection.request("POST", "/", body="Action=ListStacks&Version=2010-05-15",
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
            response = connection.getresponse()
            self.assertEqual(response.status, 200)
            received = 0
            while received < 4 << 20:
                piece = response.read(65536)
                self.assertTrue(piece)
                received += len(piece)
            connection.close()
            self.assertGreaterEqual(received, 4 << 20)

    # ---- CloudFormation: stale reads, asynchronous execution, events ---------------------------------

    def test_stale_reads_then_in_progress_then_moto_final_status_with_resource_events(self):
        self.configure(stacks={self.stack: {"stale_reads": 2, "in_progress_polls": 3}})
        self.create_via_change_set(template("Queue", "Other"))
        statuses = self.poll_until_settled()
        self.assertEqual(statuses, ["REVIEW_IN_PROGRESS", "REVIEW_IN_PROGRESS", "CREATE_IN_PROGRESS",
                                    "CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE"])
        self.assertEqual(self.events(), [
            (self.stack, "REVIEW_IN_PROGRESS", "User Initiated"),
            (self.stack, "CREATE_IN_PROGRESS", "User Initiated"),
            ("Queue", "CREATE_IN_PROGRESS", None),
            ("Queue", "CREATE_IN_PROGRESS", "Resource creation Initiated"),
            ("Queue", "CREATE_COMPLETE", None),
            ("Other", "CREATE_IN_PROGRESS", None),
            ("Other", "CREATE_IN_PROGRESS", "Resource creation Initiated"),
            ("Other", "CREATE_COMPLETE", None),
            (self.stack, "CREATE_COMPLETE", None),
        ])
        raw = self.cfn.describe_stack_events(StackName=self.stack)["StackEvents"]
        self.assertTrue(all(raw[i]["Timestamp"] >= raw[i + 1]["Timestamp"] for i in range(len(raw) - 1)))
        self.assertEqual(raw[0]["ResourceType"], "AWS::CloudFormation::Stack")
        self.assertEqual(raw[1]["ResourceType"], "AWS::SQS::Queue")
        self.assertTrue(raw[1]["PhysicalResourceId"])
        self.assertEqual(len({event["EventId"] for event in raw}), len(raw))
        self.assertEqual(self.status(), "CREATE_COMPLETE")

    def test_events_come_out_poll_by_poll(self):
        self.configure(stacks={self.stack: {"in_progress_polls": 4}})
        self.create_via_change_set(template("A", "B", "C"))
        counts = [len(self.events())]
        for _ in range(5):
            self.status()
            counts.append(len(self.events()))
        self.assertEqual(counts, sorted(counts))
        self.assertEqual(counts[0], 2)  # REVIEW_IN_PROGRESS and the stack's CREATE_IN_PROGRESS
        self.assertEqual(counts[-1], 2 + 9 + 1)

    def test_stale_read_after_create_stack_says_it_does_not_exist(self):
        self.configure(stacks={"fp-*": {"stale_reads": 1}})
        self.cfn.create_stack(StackName=self.stack, TemplateBody=template("Queue"))
        error = self.error_of(self.status)
        self.assertEqual((error["Error"]["Code"], error["Error"]["Message"]),
                         ("ValidationError", "Stack with id %s does not exist" % self.stack))
        self.assertEqual(self.status(), "CREATE_COMPLETE")

    def test_update_events_follow_the_template_diff(self):
        self.configure(stacks={self.stack: {"stale_reads": 1, "in_progress_polls": 2}})
        first = json.loads(template("Keep", "Change", "Drop"))
        self.create_via_change_set(json.dumps(first))
        self.poll_until_settled()
        second = json.loads(json.dumps(first))
        del second["Resources"]["Drop"]
        second["Resources"]["Change"]["Properties"]["VisibilityTimeout"] = 60
        second["Resources"]["Add"] = {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "add-" + self.stack}}
        before = len(self.events())
        self.update_via_change_set(json.dumps(second))
        self.assertEqual([self.status() for _ in range(4)], ["CREATE_COMPLETE", "UPDATE_IN_PROGRESS",
                                                             "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_COMPLETE"])
        self.assertEqual(self.events()[before:], [
            (self.stack, "UPDATE_IN_PROGRESS", "User Initiated"),
            ("Change", "UPDATE_IN_PROGRESS", None), ("Change", "UPDATE_COMPLETE", None),
            ("Add", "CREATE_IN_PROGRESS", None), ("Add", "CREATE_IN_PROGRESS", "Resource creation Initiated"),
            ("Add", "CREATE_COMPLETE", None),
            (self.stack, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", None),
            ("Drop", "DELETE_IN_PROGRESS", None), ("Drop", "DELETE_COMPLETE", None),
            (self.stack, "UPDATE_COMPLETE", None),
        ])

    def test_a_busy_stack_refuses_another_update(self):
        self.configure(stacks={self.stack: {"in_progress_polls": 3}})
        self.create_via_change_set(template("Queue"))
        self.assertEqual(self.status(), "CREATE_IN_PROGRESS")
        error = self.error_of(self.cfn.create_change_set, StackName=self.stack, ChangeSetName="next",
                              ChangeSetType="UPDATE", TemplateBody=template("Queue", "More"))
        self.assertEqual(error["Error"]["Code"], "ValidationError")
        self.assertIn("CREATE_IN_PROGRESS state and can not be updated", error["Error"]["Message"])
        self.control("POST", "settle", {"stack": self.stack})
        self.assertEqual(self.status(), "CREATE_COMPLETE")
        self.update_via_change_set(template("Queue", "More"), name="next")

    def test_async_delete_then_gone(self):
        self.configure(stacks={self.stack: {"stale_reads": 1, "in_progress_polls": 2}})
        self.cfn.create_stack(StackName=self.stack, TemplateBody=template("Queue"))
        self.assertIn("does not exist", self.error_of(self.status)["Error"]["Message"])  # the stale read
        self.assertEqual(self.poll_until_settled(), ["CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE"])
        stack_id = self.cfn.describe_stacks(StackName=self.stack)["Stacks"][0]["StackId"]
        self.cfn.delete_stack(StackName=self.stack)
        self.assertEqual([self.status() for _ in range(3)], ["CREATE_COMPLETE", "DELETE_IN_PROGRESS", "DELETE_IN_PROGRESS"])
        error = self.error_of(self.status)
        self.assertIn("does not exist", error["Error"]["Message"])
        self.assertEqual(self.events(stack_id)[-3:], [("Queue", "DELETE_IN_PROGRESS", None),
                                                      ("Queue", "DELETE_COMPLETE", None),
                                                      (self.stack, "DELETE_COMPLETE", None)])

    def test_events_page(self):
        self.configure(stacks={self.stack: {"events_page_size": 3}})
        self.create_via_change_set(template("A", "B"))
        first = self.cfn.describe_stack_events(StackName=self.stack)
        self.assertEqual(len(first["StackEvents"]), 3)
        self.assertIn("NextToken", first)
        self.assertEqual(len(self.events()), 1 + 1 + 6 + 1)

    def test_template_url_from_an_upload_through_the_proxy(self):
        s3 = self.client("s3")
        bucket = "fp-bucket-" + uuid.uuid4().hex[:8]
        s3.create_bucket(Bucket=bucket)
        s3.put_object(Bucket=bucket, Key="templates/stack.json", Body=template("FromS3").encode())
        self.configure(stacks={self.stack: {}})
        self.cfn.create_change_set(StackName=self.stack, ChangeSetName="cs", ChangeSetType="CREATE",
                                   TemplateURL="https://%s.s3.%s.amazonaws.com/templates/stack.json" % (bucket, REGION))
        self.cfn.execute_change_set(StackName=self.stack, ChangeSetName="cs")
        self.assertIn(("FromS3", "CREATE_COMPLETE", None), self.events())

    # ---- CloudFormation: injected failures -----------------------------------------------------------

    def test_a_failing_resource_rolls_the_creation_back(self):
        reason = "Resource handler returned message: \"Queue quota exceeded\""
        self.configure(stacks={self.stack: {"in_progress_polls": 3, "fail": {"logical_id": "Second", "reason": reason}}})
        self.create_via_change_set(template("First", "Second", "Third"))
        statuses = self.poll_until_settled()
        self.assertEqual(statuses[-1], "ROLLBACK_COMPLETE")
        self.assertIn("ROLLBACK_IN_PROGRESS", statuses)
        stack = self.cfn.describe_stacks(StackName=self.stack)["Stacks"][0]
        self.assertIn("failed to create: [Second]", stack["StackStatusReason"])
        events = self.events()
        self.assertIn(("Second", "CREATE_FAILED", reason), events)
        self.assertNotIn("Third", [logical for logical, _, _ in events])
        self.assertEqual(events[-5:], [("Second", "DELETE_IN_PROGRESS", None), ("Second", "DELETE_COMPLETE", None),
                                       ("First", "DELETE_IN_PROGRESS", None), ("First", "DELETE_COMPLETE", None),
                                       (self.stack, "ROLLBACK_COMPLETE", None)])
        # As in CloudFormation: no update of a ROLLBACK_COMPLETE stack; delete it and start again.
        error = self.error_of(self.cfn.create_change_set, StackName=self.stack, ChangeSetName="again",
                              ChangeSetType="UPDATE", TemplateBody=template("First"))
        self.assertIn("ROLLBACK_COMPLETE state and can not be updated", error["Error"]["Message"])
        self.cfn.delete_stack(StackName=self.stack)
        self.poll_until_settled_or_gone()

    def poll_until_settled_or_gone(self):
        for _ in range(20):
            try:
                if not self.status().endswith("_IN_PROGRESS"):
                    return
            except botocore.exceptions.ClientError as error:
                self.assertIn("does not exist", str(error))
                return

    def test_update_stack_failure_and_list_stacks_in_progress(self):
        self.configure(stacks={self.stack: {"in_progress_polls": 2, "fail": {"logical_id": "Queue", "operations": ["update"]}}})
        self.cfn.create_stack(StackName=self.stack, TemplateBody=template("Queue"))
        summaries = {summary["StackName"]: summary["StackStatus"] for summary in self.cfn.list_stacks()["StackSummaries"]}
        self.assertEqual(summaries[self.stack], "CREATE_IN_PROGRESS")
        self.assertEqual(self.poll_until_settled(), ["CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE"])
        self.cfn.update_stack(StackName=self.stack, TemplateBody=template("Queue"))
        # Two polls of eight events: the first shows the rollback under way, the second its cleanup.
        self.assertEqual(self.poll_until_settled(), ["UPDATE_ROLLBACK_IN_PROGRESS",
                                                     "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS",
                                                     "UPDATE_ROLLBACK_COMPLETE"])
        self.assertIn(("Queue", "UPDATE_FAILED", fault_proxy.failure_reason({}, "Queue")), self.events())

    def test_yaml_template_events(self):
        self.configure(stacks={self.stack: {}})
        yaml = "Resources:\n  First:\n    Type: AWS::SQS::Queue\n  Second:\n    Type: AWS::SQS::Queue\n"
        self.create_via_change_set(yaml)
        self.assertEqual([event[0] for event in self.events() if event[1] == "CREATE_COMPLETE"],
                         ["First", "Second", self.stack])

    def test_a_failed_rollback_of_a_creation(self):
        self.configure(stacks={self.stack: {"fail": {"logical_id": "Second", "rollback_fails": True,
                                                     "rollback_fail_logical_id": "First"}}})
        self.create_via_change_set(template("First", "Second"))
        self.assertEqual(self.status(), "ROLLBACK_FAILED")
        self.assertIn(("First", "DELETE_FAILED", "Injected rollback failure of First"), self.events())

    def test_a_failing_update_rolls_back_and_keeps_the_old_template(self):
        self.configure(stacks={self.stack: {"in_progress_polls": 2,
                                            "fail": {"logical_id": "Queue", "operations": ["update"]}}})
        first = template("Queue")
        self.create_via_change_set(first)
        self.assertEqual(self.poll_until_settled()[-1], "CREATE_COMPLETE")
        queue = json.loads(first)["Resources"]["Queue"]
        queue["Properties"]["VisibilityTimeout"] = 99
        second = {"Resources": {"Extra": {"Type": "AWS::SQS::Queue", "Properties": {}}, "Queue": queue}}
        self.update_via_change_set(json.dumps(second))
        self.assertEqual(self.poll_until_settled()[-1], "UPDATE_ROLLBACK_COMPLETE")
        events = self.events()
        failed = [event for event in events if event[1] == "UPDATE_FAILED"]
        self.assertEqual([event[0] for event in failed], ["Queue"])
        self.assertIn((self.stack, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", None), events)
        self.assertEqual(events[-3:], [("Extra", "DELETE_IN_PROGRESS", None), ("Extra", "DELETE_COMPLETE", None),
                                       (self.stack, "UPDATE_ROLLBACK_COMPLETE", None)])
        body = self.cfn.get_template(StackName=self.stack)["TemplateBody"]  # boto3 parses JSON bodies
        self.assertEqual(json.loads(body) if isinstance(body, str) else dict(body), json.loads(first))
        # UPDATE_ROLLBACK_COMPLETE can be updated again.
        self.update_via_change_set(template("Queue"), name="again")

    def test_an_update_without_rollback_pauses_and_rollback_stack_returns_it(self):
        self.configure(stacks={self.stack: {"fail": {"logical_id": "Queue", "operations": ["update"], "times": 1}}})
        first = template("Queue")
        self.create_via_change_set(first)
        self.assertEqual(self.status(), "CREATE_COMPLETE")
        queue = json.loads(first)["Resources"]["Queue"]
        queue["Properties"]["VisibilityTimeout"] = 99
        second = json.dumps({"Resources": {"Extra": {"Type": "AWS::SQS::Queue", "Properties": {}}, "Queue": queue}})
        self.cfn.create_change_set(StackName=self.stack, ChangeSetName="paused", ChangeSetType="UPDATE", TemplateBody=second)
        self.cfn.execute_change_set(StackName=self.stack, ChangeSetName="paused", DisableRollback=True)
        self.assertEqual(self.status(), "UPDATE_FAILED")
        self.assertEqual(self.events()[-1], (self.stack, "UPDATE_FAILED", "The following resource(s) failed to update: [Queue]. "))
        self.assertNotIn(("Extra", "DELETE_COMPLETE", None), self.events(), "what was created stays")
        self.cfn.rollback_stack(StackName=self.stack, ClientRequestToken="rollback-1")
        self.assertEqual(self.status(), "UPDATE_ROLLBACK_COMPLETE")
        self.assertEqual(self.events()[-3:], [("Extra", "DELETE_IN_PROGRESS", None), ("Extra", "DELETE_COMPLETE", None),
                                              (self.stack, "UPDATE_ROLLBACK_COMPLETE", None)])
        body = self.cfn.get_template(StackName=self.stack)["TemplateBody"]
        self.assertEqual(json.loads(body) if isinstance(body, str) else dict(body), json.loads(first))
        error = self.error_of(self.cfn.rollback_stack, StackName=self.stack)
        self.assertIn("UPDATE_ROLLBACK_COMPLETE state and can not be rolled back", error["Error"]["Message"])

    def test_a_creation_without_rollback_pauses_and_rolls_back_to_rollback_complete(self):
        self.configure(stacks={self.stack: {"fail": {"logical_id": "Second"}}})
        self.cfn.create_change_set(StackName=self.stack, ChangeSetName="cs-create", ChangeSetType="CREATE",
                                   TemplateBody=template("First", "Second"))
        self.cfn.execute_change_set(StackName=self.stack, ChangeSetName="cs-create", DisableRollback=True)
        self.assertEqual(self.status(), "CREATE_FAILED")
        self.cfn.rollback_stack(StackName=self.stack)
        self.assertEqual(self.status(), "ROLLBACK_COMPLETE")
        self.assertEqual(self.events()[-1], (self.stack, "ROLLBACK_COMPLETE", None))
        self.assertIn(("First", "DELETE_COMPLETE", None), self.events())

    def test_a_failed_update_rollback_and_continue_update_rollback(self):
        self.configure(stacks={self.stack: {"fail": {"logical_id": "Queue", "operations": ["update"],
                                                     "rollback_fails": True, "continue_fails_unless_skipped": True}}})
        self.create_via_change_set(template("Queue"))
        self.assertEqual(self.status(), "CREATE_COMPLETE")
        self.update_via_change_set(template("Queue"))
        self.assertEqual(self.status(), "UPDATE_ROLLBACK_FAILED")
        self.assertIn("failed to update: [Queue]", self.cfn.describe_stacks(StackName=self.stack)["Stacks"][0]["StackStatusReason"])
        error = self.error_of(self.cfn.create_change_set, StackName=self.stack, ChangeSetName="blocked",
                              ChangeSetType="UPDATE", TemplateBody=template("Queue"))
        self.assertIn("UPDATE_ROLLBACK_FAILED state and can not be updated", error["Error"]["Message"])
        self.cfn.continue_update_rollback(StackName=self.stack, ClientRequestToken="continue-1")
        self.assertEqual(self.status(), "UPDATE_ROLLBACK_FAILED")
        self.cfn.continue_update_rollback(StackName=self.stack, ResourcesToSkip=["Queue"], ClientRequestToken="continue-2")
        self.assertEqual(self.status(), "UPDATE_ROLLBACK_COMPLETE")
        self.assertIn(("Queue", "UPDATE_COMPLETE", "Resource skipped during UpdateRollback"), self.events())
        error = self.error_of(self.cfn.continue_update_rollback, StackName=self.stack)
        self.assertIn("UPDATE_ROLLBACK_COMPLETE state and can not continue", error["Error"]["Message"])
        tokens = [entry["client_request_token"] for entry in self.log(action="ContinueUpdateRollback")]
        self.assertEqual(tokens, ["continue-1", "continue-2", None])

    def test_a_failing_deletion_and_a_retry_retaining_the_resource(self):
        self.configure(stacks={self.stack: {"fail": {"logical_id": "Bucketish", "operations": ["delete"]}}})
        stack_id = self.cfn.create_stack(StackName=self.stack, TemplateBody=template("Queue", "Bucketish"))["StackId"]
        self.cfn.delete_stack(StackName=self.stack)
        self.assertEqual(self.status(), "DELETE_FAILED")  # moto deleted it; the proxy still shows it
        self.assertIn(("Bucketish", "DELETE_FAILED", fault_proxy.failure_reason({}, "Bucketish")), self.events())
        self.cfn.delete_stack(StackName=self.stack, RetainResources=["Bucketish"])
        self.assertIn(("Bucketish", "DELETE_SKIPPED", None), self.events(stack_id))
        self.assertIn("does not exist", self.error_of(self.status)["Error"]["Message"])

    def test_failures_stop_after_times(self):
        self.configure(stacks={self.stack: {"fail": {"logical_id": "Queue", "times": 1}}})
        self.create_via_change_set(template("Queue"))
        self.assertEqual(self.status(), "ROLLBACK_COMPLETE")
        self.cfn.delete_stack(StackName=self.stack)
        self.create_via_change_set(template("Queue"))
        self.assertEqual(self.status(), "CREATE_COMPLETE")

    # ---- CloudFormation: change sets, tokens, termination protection ---------------------------------

    def test_a_change_set_executed_twice(self):
        self.create_via_change_set(template("Queue"))
        error = self.error_of(self.cfn.execute_change_set, StackName=self.stack, ChangeSetName="cs-create")
        self.assertEqual(error["Error"]["Code"], "InvalidChangeSetStatus")
        self.assertIn("cannot be executed in its current execution status of [EXECUTE_COMPLETE]", error["Error"]["Message"])
        self.assertEqual(self.log(action="ExecuteChangeSet")[-1]["forwarded"], False)

    def test_client_request_tokens_are_recorded_and_repeats_answered_idempotently(self):
        self.configure(stacks={self.stack: {"in_progress_polls": 1}})
        self.create_via_change_set(template("Queue"), token="execute-token-1")
        # The answer was lost, say; the same call again with the same token succeeds without a second execution.
        self.cfn.execute_change_set(StackName=self.stack, ChangeSetName="cs-create", ClientRequestToken="execute-token-1")
        # Another token: the change set was executed.
        error = self.error_of(self.cfn.execute_change_set, StackName=self.stack, ChangeSetName="cs-create",
                              ClientRequestToken="execute-token-2")
        self.assertEqual(error["Error"]["Code"], "InvalidChangeSetStatus")
        self.poll_until_settled()
        self.cfn.delete_stack(StackName=self.stack, ClientRequestToken="delete-token")
        self.cfn.delete_stack(StackName=self.stack, ClientRequestToken="delete-token")
        entries = self.log(stack=self.stack)
        mutating = [(entry["action"], entry["has_client_request_token"], entry["forwarded"]) for entry in entries
                    if "has_client_request_token" in entry]
        self.assertEqual(mutating, [("CreateChangeSet", False, True), ("ExecuteChangeSet", True, True),
                                    ("ExecuteChangeSet", True, False), ("ExecuteChangeSet", True, False),
                                    ("DeleteStack", True, True), ("DeleteStack", True, False)])
        self.assertIn("idempotent", self.log(action="DeleteStack")[-1]["modelled"])

    def test_termination_protection_is_enforced(self):
        self.cfn.create_stack(StackName=self.stack, TemplateBody=template("Queue"), EnableTerminationProtection=True)
        self.assertTrue(self.cfn.describe_stacks(StackName=self.stack)["Stacks"][0]["EnableTerminationProtection"])
        error = self.error_of(self.cfn.delete_stack, StackName=self.stack)
        self.assertEqual((error["Error"]["Code"], error["Error"]["Message"]),
                         ("ValidationError", "Stack [%s] cannot be deleted while TerminationProtection is enabled" % self.stack))
        self.assertEqual(self.status(), "CREATE_COMPLETE")
        answer = self.cfn.update_termination_protection(StackName=self.stack, EnableTerminationProtection=False)
        self.assertTrue(answer["StackId"].startswith("arn:aws:cloudformation:"))
        self.assertFalse(self.cfn.describe_stacks(StackName=self.stack)["Stacks"][0]["EnableTerminationProtection"])
        self.cfn.delete_stack(StackName=self.stack)
        # A stack made from a change set, protected afterwards.
        other = self.stack + "-cs"
        self.create_via_change_set(template("Queue"), stack=other)
        self.cfn.update_termination_protection(StackName=other, EnableTerminationProtection=True)
        self.assertEqual(self.error_of(self.cfn.delete_stack, StackName=other)["Error"]["Code"], "ValidationError")
        self.cfn.update_termination_protection(StackName=other, EnableTerminationProtection=False)
        self.cfn.delete_stack(StackName=other)

    # ---- start-up ------------------------------------------------------------------------------------

    def test_the_proxy_exits_when_its_parent_is_gone(self):
        script = "import subprocess,sys; p=subprocess.Popen([sys.executable,%r,'--upstream',%r,'--port','0'],stdout=sys.stdout); " \
                 "import time; time.sleep(1.5)" % (os.path.join(HERE, "fault_proxy.py"), self.moto_endpoint)
        parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
        port = int(parent.stdout.readline().decode().strip())
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        parent.wait()
        deadline = time.time() + 5
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                time.sleep(0.2)
            except OSError:
                break
        else:
            self.fail("the proxy still listens after its parent exited")
        parent.stdout.close()


class TemplateParsingTests(unittest.TestCase):
    def test_json_and_yaml_resources_in_order(self):
        self.assertEqual(fault_proxy.template_resources('{"Resources":{"B":{"Type":"AWS::SNS::Topic"},"A":{"Type":"X::Y"}}}'),
                         [("B", "AWS::SNS::Topic"), ("A", "X::Y")])
        yaml = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n" \
               "    Properties:\n      Name: x\n  Topic:\n    Type: 'AWS::SNS::Topic'\nOutputs:\n  Out:\n    Value: 1\n"
        self.assertEqual(fault_proxy.template_resources(yaml), [("Queue", "AWS::SQS::Queue"), ("Topic", "AWS::SNS::Topic")])

    def test_member_rewriting_keeps_nested_members(self):
        text = ("<R><Stacks><member><StackName>a</StackName><Outputs><member><OutputKey>k</OutputKey></member></Outputs>"
                "<StackStatus>CREATE_COMPLETE</StackStatus></member><member><StackName>b</StackName>"
                "<StackStatus>UPDATE_COMPLETE</StackStatus></member></Stacks></R>")
        rewritten = fault_proxy.rewrite_members(text, "Stacks", lambda member: fault_proxy.set_xml_value(
            member, "StackStatus", "X_" + fault_proxy.xml_value(member, "StackName")))
        self.assertIn("<OutputKey>k</OutputKey></member></Outputs><StackStatus>X_a</StackStatus>", rewritten)
        self.assertIn("<StackStatus>X_b</StackStatus>", rewritten)


if __name__ == "__main__":
    unittest.main()
