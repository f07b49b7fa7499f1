#!/usr/bin/env python3
"""The SAM half of the valid corpus: SAM templates (written here, one per feature) expanded by the real SAM
translator (`pip install aws-sam-translator`) into the CloudFormation they deploy as. Writes
Tests/FormworkSchemaTests/Fixtures/corpus/sam/*.json, and the SAM sources next to them (`*.sam.json`), which
the validator accepts too: a template with the SAM transform is checked only where SAM leaves it alone.
"""
import json, os, shutil

os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")

from samtranslator.translator.transform import transform

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "FormworkSchemaTests", "Fixtures", "corpus", "sam")


class Policies:
    """The managed policies SAM looks up by name, without calling IAM."""
    def load(self):
        names = ["AWSLambdaBasicExecutionRole", "AWSXrayWriteOnlyAccess", "AWSLambdaSQSQueueExecutionRole", "AWSLambdaDynamoDBExecutionRole",
                 "AWSLambdaKinesisExecutionRole", "AmazonS3ReadOnlyAccess", "AWSLambdaVPCAccessExecutionRole", "AWSLambdaRole"]
        return {n: f"arn:aws:iam::aws:policy/service-role/{n}" for n in names}


def function(**extra):
    properties = {"Runtime": "nodejs22.x", "Handler": "index.handler", "InlineCode": "exports.handler = async () => ({});"}
    properties.update(extra)
    return {"Type": "AWS::Serverless::Function", "Properties": properties}


TEMPLATES = {
    "sam-function-api": {"Resources": {"Fn": function(Events={"Get": {"Type": "Api", "Properties": {"Path": "/orders", "Method": "get"}}},
                                                       Tracing="Active", MemorySize=256, Timeout=10)}},
    "sam-function-http-api": {"Resources": {"Fn": function(Events={"Get": {"Type": "HttpApi", "Properties": {"Path": "/items/{id}", "Method": "GET"}}})}},
    "sam-function-sqs": {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"},
                                       "Fn": function(Events={"Q": {"Type": "SQS", "Properties": {"Queue": {"Fn::GetAtt": ["Queue", "Arn"]}, "BatchSize": 5}}})}},
    "sam-function-schedule": {"Resources": {"Fn": function(Events={"Nightly": {"Type": "Schedule", "Properties": {"Schedule": "rate(1 day)"}}})}},
    "sam-function-sns": {"Resources": {"Topic": {"Type": "AWS::SNS::Topic"},
                                       "Fn": function(Events={"T": {"Type": "SNS", "Properties": {"Topic": {"Ref": "Topic"}}}})}},
    "sam-function-s3": {"Resources": {"Bucket": {"Type": "AWS::S3::Bucket"},
                                      "Fn": function(Events={"Upload": {"Type": "S3", "Properties": {"Bucket": {"Ref": "Bucket"}, "Events": "s3:ObjectCreated:*"}}})}},
    "sam-function-dynamodb": {"Resources": {"Table": {"Type": "AWS::DynamoDB::Table", "Properties": {
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "BillingMode": "PAY_PER_REQUEST", "StreamSpecification": {"StreamViewType": "NEW_IMAGE"}}},
        "Fn": function(Events={"Stream": {"Type": "DynamoDB", "Properties": {"Stream": {"Fn::GetAtt": ["Table", "StreamArn"]}, "StartingPosition": "LATEST"}}})}},
    "sam-function-eventbridge": {"Resources": {"Fn": function(Events={"Rule": {"Type": "EventBridgeRule", "Properties": {"Pattern": {"source": ["orders"]}}}},
                                                              DeadLetterQueue={"Type": "SQS", "TargetArn": "arn:aws:sqs:eu-west-1:111122223333:dlq"})}},
    "sam-function-policies": {"Resources": {"Table": {"Type": "AWS::Serverless::SimpleTable"},
                                            "Fn": function(Policies=["AWSLambdaBasicExecutionRole", {"DynamoDBCrudPolicy": {"TableName": {"Ref": "Table"}}}],
                                                           Environment={"Variables": {"TABLE": {"Ref": "Table"}}})}},
    "sam-function-url-alias": {"Resources": {"Fn": function(AutoPublishAlias="live", FunctionUrlConfig={"AuthType": "AWS_IAM"},
                                                            DeploymentPreference={"Type": "AllAtOnce"})}},
    "sam-globals": {"Globals": {"Function": {"Timeout": 30, "MemorySize": 512, "Tracing": "Active", "Environment": {"Variables": {"STAGE": "prod"}}}},
                    "Resources": {"A": function(), "B": function(Runtime="python3.13", Handler="app.handler", InlineCode="def handler(e, c): return {}")}},
    "sam-api-auth": {"Resources": {"Pool": {"Type": "AWS::Cognito::UserPool"},
                                   "Api": {"Type": "AWS::Serverless::Api", "Properties": {"StageName": "prod", "TracingEnabled": True,
                                           "Auth": {"DefaultAuthorizer": "Cognito", "Authorizers": {"Cognito": {"UserPoolArn": {"Fn::GetAtt": ["Pool", "Arn"]}}}}}},
                                   "Fn": function(Events={"Get": {"Type": "Api", "Properties": {"RestApiId": {"Ref": "Api"}, "Path": "/me", "Method": "get"}}})}},
    "sam-state-machine": {"Resources": {"Fn": function(),
                                        "Machine": {"Type": "AWS::Serverless::StateMachine", "Properties": {
                                            "Definition": {"StartAt": "Invoke", "States": {"Invoke": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                                           "Parameters": {"FunctionName": "${FnArn}"}, "End": True}}},
                                            "DefinitionSubstitutions": {"FnArn": {"Fn::GetAtt": ["Fn", "Arn"]}},
                                            "Policies": [{"LambdaInvokePolicy": {"FunctionName": {"Ref": "Fn"}}}],
                                            "Events": {"Hourly": {"Type": "Schedule", "Properties": {"Schedule": "rate(1 hour)"}}}}}}},
    "sam-layer": {"Resources": {"Layer": {"Type": "AWS::Serverless::LayerVersion", "Properties": {
                      "ContentUri": "s3://bucket/layer.zip", "CompatibleRuntimes": ["nodejs22.x"]}},
                  "Fn": function(Layers=[{"Ref": "Layer"}])}},
    "sam-http-api-jwt": {"Resources": {"Api": {"Type": "AWS::Serverless::HttpApi", "Properties": {
                             "Auth": {"DefaultAuthorizer": "Jwt", "Authorizers": {"Jwt": {"IdentitySource": "$request.header.Authorization",
                                      "JwtConfiguration": {"issuer": "https://issuer.example.com", "audience": ["api"]}}}}}},
                         "Fn": function(Events={"Get": {"Type": "HttpApi", "Properties": {"ApiId": {"Ref": "Api"}, "Path": "/x", "Method": "GET"}}})}},
}


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    for name, body in TEMPLATES.items():
        source = {"AWSTemplateFormatVersion": "2010-09-09", "Transform": "AWS::Serverless-2016-10-31", **body}
        translated = transform(json.loads(json.dumps(source)), {"AWS::Region": "eu-west-1", "AWS::Partition": "aws", "AWS::AccountId": "111122223333"}, Policies())
        for suffix, template in ((".sam.json", source), (".json", translated)):
            with open(os.path.join(OUT, name + suffix), "w") as f:
                json.dump(template, f, separators=(",", ":"))
                f.write("\n")
    print(f"{len(TEMPLATES)} SAM templates and their translations in {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
