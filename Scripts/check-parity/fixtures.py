#!/usr/bin/env python3
"""Writes templates that pass and fail each rule of awslabs/serverless-rules (the cfn-lint plugin
cfn-lint-serverless), modelled on the examples of its rule docs, and records what the real plugin reports on
each: Tests/FormworkChecksTests/Fixtures/serverless-rules/<name>.json and expected.json.

usage: fixtures.py     (pip install cfn-lint cfn-lint-serverless)
`ServerlessRulesParityTests` checks that `formwork check` flags the same resources for the same rules.
"""
import json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "FormworkChecksTests", "Fixtures", "serverless-rules")

ROLE = {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}


def function(**properties):
    base = {"Runtime": "nodejs24.x", "Handler": "index.handler", "Code": {"ZipFile": "exports.handler = async () => ({});"},
            "Role": {"Fn::GetAtt": ["Role", "Arn"]}, "MemorySize": 256, "Timeout": 10, "TracingConfig": {"Mode": "Active"},
            "FunctionName": "fn"}
    base.update(properties)
    return {"Type": "AWS::Lambda::Function", "Properties": {k: v for k, v in base.items() if v is not None}}


def logs(name={"Fn::Sub": "/aws/lambda/${Function}"}, retention=30):
    properties = {"LogGroupName": name}
    if retention is not None:
        properties["RetentionInDays"] = retention
    return {"Type": "AWS::Logs::LogGroup", "Properties": properties}


def queue(**properties):
    return {"Type": "AWS::SQS::Queue", "Properties": properties} if properties else {"Type": "AWS::SQS::Queue"}


def with_function(extra, **function_properties):
    resources = {"Role": ROLE, "Function": function(**function_properties), "FunctionLogs": logs()}
    resources.update(extra)
    return resources


STREAM = {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}}
DLQ = queue()

FIXTURES = {
    # Lambda
    "lambda-compliant": with_function({}),
    "lambda-tracing-missing": with_function({}, TracingConfig=None),
    "lambda-tracing-passthrough": with_function({}, TracingConfig={"Mode": "PassThrough"}),
    "lambda-memory-missing": with_function({}, MemorySize=None),
    "lambda-timeout-missing": with_function({}, Timeout=None),
    "lambda-log-retention-missing": {"Role": ROLE, "Function": function(), "FunctionLogs": logs(retention=None)},
    "lambda-log-group-missing": {"Role": ROLE, "Function": function()},
    "lambda-log-group-by-name": {"Role": ROLE, "Function": function(), "FunctionLogs": logs("/aws/lambda/fn")},
    "lambda-log-group-by-join": {"Role": ROLE, "Function": function(),
                                 "FunctionLogs": logs({"Fn::Join": ["", ["/aws/lambda/", {"Ref": "Function"}]]})},
    "lambda-log-group-other-name": {"Role": ROLE, "Function": function(), "FunctionLogs": logs("/aws/lambda/other")},
    "lambda-star-permission": with_function({"Role": {"Type": "AWS::IAM::Role", "Properties": {
        "AssumeRolePolicyDocument": ROLE["Properties"]["AssumeRolePolicyDocument"],
        "Policies": [{"PolicyName": "all", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}]}}]}}}),
    "lambda-named-permission": with_function({"Role": {"Type": "AWS::IAM::Role", "Properties": {
        "AssumeRolePolicyDocument": ROLE["Properties"]["AssumeRolePolicyDocument"],
        "Policies": [{"PolicyName": "get", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:111122223333:table/t"}]}}]}}}),
    "lambda-permissions-one-principal": with_function({
        "PermissionA": {"Type": "AWS::Lambda::Permission", "Properties": {"Action": "lambda:InvokeFunction", "FunctionName": {"Ref": "Function"},
                                                                          "Principal": "apigateway.amazonaws.com"}},
        "PermissionB": {"Type": "AWS::Lambda::Permission", "Properties": {"Action": "lambda:InvokeFunction", "FunctionName": {"Fn::GetAtt": ["Function", "Arn"]},
                                                                          "Principal": "apigateway.amazonaws.com"}}}),
    "lambda-permissions-two-principals": with_function({
        "PermissionA": {"Type": "AWS::Lambda::Permission", "Properties": {"Action": "lambda:InvokeFunction", "FunctionName": {"Ref": "Function"},
                                                                          "Principal": "apigateway.amazonaws.com"}},
        "PermissionB": {"Type": "AWS::Lambda::Permission", "Properties": {"Action": "lambda:InvokeFunction", "FunctionName": {"Ref": "Function"},
                                                                          "Principal": "sns.amazonaws.com", "SourceArn": {"Ref": "Topic"}}},
        "Topic": {"Type": "AWS::SNS::Topic"},
        "Subscription": {"Type": "AWS::SNS::Subscription", "Properties": {"Protocol": "lambda", "Endpoint": {"Fn::GetAtt": ["Function", "Arn"]},
                                                                          "TopicArn": {"Ref": "Topic"}, "RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["Dlq", "Arn"]}}}},
        "Dlq": DLQ}),
    "lambda-async-without-destination": with_function({
        "Permission": {"Type": "AWS::Lambda::Permission", "Properties": {"Action": "lambda:InvokeFunction", "FunctionName": {"Ref": "Function"},
                                                                         "Principal": "s3.amazonaws.com"}}}),
    "lambda-async-with-destination": with_function({
        "Permission": {"Type": "AWS::Lambda::Permission", "Properties": {"Action": "lambda:InvokeFunction", "FunctionName": {"Ref": "Function"},
                                                                         "Principal": "s3.amazonaws.com"}},
        "InvokeConfig": {"Type": "AWS::Lambda::EventInvokeConfig", "Properties": {"FunctionName": {"Ref": "Function"}, "Qualifier": "$LATEST",
                                                                                  "DestinationConfig": {"OnFailure": {"Destination": {"Fn::GetAtt": ["Dlq", "Arn"]}}}}},
        "Dlq": DLQ}),
    "lambda-stream-source-without-destination": with_function({
        "Stream": STREAM,
        "Mapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {"FunctionName": {"Ref": "Function"}, "EventSourceArn": {"Fn::GetAtt": ["Stream", "Arn"]},
                                                                              "StartingPosition": "LATEST"}}}),
    "lambda-stream-source-with-destination": with_function({
        "Stream": STREAM, "Dlq": DLQ,
        "Mapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {"FunctionName": {"Ref": "Function"}, "EventSourceArn": {"Fn::GetAtt": ["Stream", "Arn"]},
                                                                              "StartingPosition": "LATEST", "MaximumRetryAttempts": 3,
                                                                              "DestinationConfig": {"OnFailure": {"Destination": {"Fn::GetAtt": ["Dlq", "Arn"]}}}}}}),
    # API Gateway
    "rest-stage-compliant": {
        "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "api"}},
        "Logs": logs("api-access"),
        "Stage": {"Type": "AWS::ApiGateway::Stage", "Properties": {
            "RestApiId": {"Ref": "Api"}, "DeploymentId": "d", "StageName": "prod", "TracingEnabled": True,
            "AccessLogSetting": {"DestinationArn": {"Fn::GetAtt": ["Logs", "Arn"]}, "Format": '{"requestId":"$context.requestId","status":$context.status}'},
            "MethodSettings": [{"HttpMethod": "*", "ResourcePath": "/*", "ThrottlingBurstLimit": 100, "ThrottlingRateLimit": 50}]}}},
    "rest-stage-bare": {
        "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "api"}},
        "Stage": {"Type": "AWS::ApiGateway::Stage", "Properties": {"RestApiId": {"Ref": "Api"}, "DeploymentId": "d", "StageName": "prod"}}},
    "rest-stage-text-logs": {
        "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "api"}},
        "Logs": logs("api-access"),
        "Stage": {"Type": "AWS::ApiGateway::Stage", "Properties": {
            "RestApiId": {"Ref": "Api"}, "DeploymentId": "d", "StageName": "prod", "TracingEnabled": True,
            "AccessLogSetting": {"DestinationArn": {"Fn::GetAtt": ["Logs", "Arn"]}, "Format": "$context.requestId $context.status"},
            "MethodSettings": [{"HttpMethod": "*", "ResourcePath": "/*", "ThrottlingBurstLimit": 100}]}}},
    "http-stage-compliant": {
        "Api": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Name": "api", "ProtocolType": "HTTP"}},
        "Logs": logs("api-access"),
        "Stage": {"Type": "AWS::ApiGatewayV2::Stage", "Properties": {
            "ApiId": {"Ref": "Api"}, "StageName": "$default", "AutoDeploy": True,
            "AccessLogSettings": {"DestinationArn": {"Fn::GetAtt": ["Logs", "Arn"]}, "Format": '{"requestId":"$context.requestId"}'},
            "DefaultRouteSettings": {"ThrottlingBurstLimit": 100, "ThrottlingRateLimit": 50}}}},
    "http-stage-bare": {
        "Api": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Name": "api", "ProtocolType": "HTTP"}},
        "Stage": {"Type": "AWS::ApiGatewayV2::Stage", "Properties": {"ApiId": {"Ref": "Api"}, "StageName": "$default"}}},
    # AppSync, Step Functions
    "appsync-traced": {"Api": {"Type": "AWS::AppSync::GraphQLApi", "Properties": {"Name": "api", "AuthenticationType": "API_KEY", "XrayEnabled": True}}},
    "appsync-untraced": {"Api": {"Type": "AWS::AppSync::GraphQLApi", "Properties": {"Name": "api", "AuthenticationType": "API_KEY"}}},
    "state-machine-traced": {"Machine": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
        "RoleArn": "arn:aws:iam::111122223333:role/sfn", "DefinitionString": '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}',
        "TracingConfiguration": {"Enabled": True}}}},
    "state-machine-untraced": {"Machine": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
        "RoleArn": "arn:aws:iam::111122223333:role/sfn", "DefinitionString": '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}'}}},
    # EventBridge, SNS, SQS
    "rule-targets-with-dlq": {"Dlq": DLQ, "Queue": queue(RedrivePolicy={"deadLetterTargetArn": {"Fn::GetAtt": ["Dlq", "Arn"]}, "maxReceiveCount": 3}),
                              "Rule": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": {"source": ["orders"]}, "Targets": [
                                  {"Id": "q", "Arn": {"Fn::GetAtt": ["Queue", "Arn"]}, "DeadLetterConfig": {"Arn": {"Fn::GetAtt": ["Dlq", "Arn"]}}}]}}},
    "rule-target-without-dlq": {"Dlq": DLQ, "Queue": queue(RedrivePolicy={"deadLetterTargetArn": {"Fn::GetAtt": ["Dlq", "Arn"]}, "maxReceiveCount": 3}),
                                "Rule": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": {"source": ["orders"]}, "Targets": [
                                    {"Id": "q", "Arn": {"Fn::GetAtt": ["Queue", "Arn"]}, "DeadLetterConfig": {"Arn": {"Fn::GetAtt": ["Dlq", "Arn"]}}},
                                    {"Id": "r", "Arn": {"Fn::GetAtt": ["Queue", "Arn"]}}]}}},
    "subscription-with-redrive": {"Topic": {"Type": "AWS::SNS::Topic"}, "Dlq": DLQ,
                                  "Subscription": {"Type": "AWS::SNS::Subscription", "Properties": {
                                      "Protocol": "sqs", "Endpoint": {"Fn::GetAtt": ["Dlq", "Arn"]}, "TopicArn": {"Ref": "Topic"},
                                      "RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["Dlq", "Arn"]}}}}},
    "subscription-without-redrive": {"Topic": {"Type": "AWS::SNS::Topic"}, "Dlq": DLQ,
                                     "Subscription": {"Type": "AWS::SNS::Subscription", "Properties": {
                                         "Protocol": "sqs", "Endpoint": {"Fn::GetAtt": ["Dlq", "Arn"]}, "TopicArn": {"Ref": "Topic"}}}},
    "queues-sharing-a-dlq": {"Dlq": DLQ,
                             "A": queue(RedrivePolicy={"deadLetterTargetArn": {"Fn::GetAtt": ["Dlq", "Arn"]}, "maxReceiveCount": 3}),
                             "B": queue(RedrivePolicy={"deadLetterTargetArn": {"Fn::GetAtt": ["Dlq", "Arn"]}, "maxReceiveCount": 5}),
                             "Lonely": queue()},
}


def main():
    os.makedirs(OUT, exist_ok=True)
    expected = {}
    for name, resources in sorted(FIXTURES.items()):
        path = os.path.join(OUT, f"{name}.json")
        with open(path, "w") as f:
            json.dump({"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources}, f, indent=1)
            f.write("\n")
        result = subprocess.run(["cfn-lint", "--format", "json", "--append-rules", "cfn_lint_serverless.rules", "--", path],
                                capture_output=True, text=True)
        flagged = {}
        for match in json.loads(result.stdout or "[]"):
            rule = match["Rule"]["Id"]
            if not re.fullmatch(r"[EW]S\d{4}", rule):
                continue
            path_parts = match["Location"]["Path"]
            logical_id = path_parts[1] if len(path_parts) > 1 and path_parts[0] == "Resources" else "Template"
            flagged.setdefault(rule, set()).add(logical_id)
        expected[name] = {rule: sorted(ids) for rule, ids in sorted(flagged.items())}
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(FIXTURES)} templates; cfn-lint-serverless flags {sum(len(v) for v in expected.values())} rule/template pairs")


if __name__ == "__main__":
    main()
