#!/usr/bin/env python3
"""Requests signed by botocore's SigV4 signer, kept as fixtures for `SigV4SignerTests`: generated requests
(methods, paths with characters to encode, query strings, headers with odd spacing, bodies, session tokens,
services and regions), each with the headers botocore added. Writes
Tests/FormworkCloudTests/Fixtures/sigv4-botocore.json.

usage: fixtures.py     (pip install botocore)
"""
import datetime, json, os, random
from urllib.parse import quote

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "FormworkCloudTests", "Fixtures", "sigv4-botocore.json")
WHEN = datetime.datetime(2026, 11, 30, 12, 34, 56, tzinfo=datetime.timezone.utc)
botocore.auth.get_current_datetime = lambda: WHEN


def main():
    rng = random.Random(7)
    services = [("cloudformation", "eu-west-1"), ("sts", "us-east-1"), ("iam", "us-east-1"), ("sqs", "ap-southeast-2"), ("lambda", "eu-central-1")]
    paths = ["/", "/2015-03-31/functions/my-fn/invocations", "/a b/c+d", "/path/with%2Fslash", "/unicode/é", "/double//slash", "/~user/_x-y.z"]
    queries = [{}, {"Action": "DescribeStacks", "Version": "2010-05-15"}, {"b": "2", "a": "1 2", "c": "x/y"}, {"empty": ""}, {"tilde": "~!*()'"}]
    bodies = ["", "Action=GetTemplate&StackName=Orders&TemplateStage=Original&Version=2010-05-15", '{"a": "b"}', "é"]
    cases = []
    for index in range(60):
        service, region = rng.choice(services)
        path = rng.choice(paths)
        query = rng.choice(queries)
        body = rng.choice(bodies)
        method = "GET" if not body else "POST"
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"} if body else {}
        if rng.random() < 0.3:
            headers["X-Custom"] = "  spaced   value  "
        token = "FQoGZXIvYXdzEJr//////////wEaDOtoken" if rng.random() < 0.4 else None
        credentials = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token)
        # A client sends the path percent-encoded once (an encoded slash stays as given).
        url = f"https://{service}.{region}.amazonaws.com{quote(path, safe='/~%')}"
        request = AWSRequest(method=method, url=url, data=body.encode() if body else None, headers=dict(headers), params=query)
        prepared_url = request.prepare().url
        request.url = prepared_url
        request.params = {}
        botocore.auth.SigV4Auth(credentials, service, region).add_auth(request)
        cases.append({
            "service": service, "region": region, "method": method, "url": prepared_url, "body": body,
            "headers": headers, "sessionToken": token,
            "expected": {k: v for k, v in request.headers.items() if k.lower() in ("authorization", "x-amz-date", "x-amz-security-token")},
        })
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                   "date": WHEN.strftime("%Y%m%dT%H%M%SZ"), "cases": cases}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(cases)} requests signed by botocore in {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
