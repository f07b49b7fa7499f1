"""The scale app of BENCHMARKS.md written with troposphere, the yardstick of issue #30.

The same resources and properties per service as `Benchmarks/Scale/ScaleApp.swift` (a dead-letter queue, a
queue redriving to it, a table, a function's role, its policy, the function and its SQS event source
mapping), one template per stack, each written as JSON into the output folder:

    python3 Benchmarks/Troposphere/scale_app.py [--stacks 20] [--services 50] [--output DIR]

troposphere is a hand-written L1 over dictionaries: nothing is validated against CloudFormation's schemas,
logical IDs are the names given, and the policy is written out in full, so it does less work than Formwork.
"""

import argparse
import os
import time

from troposphere import GetAtt, Join, Ref, Template
from troposphere.awslambda import Code, Environment, EventSourceMapping, Function
from troposphere.dynamodb import AttributeDefinition, KeySchema, Table
from troposphere.iam import Policy, PolicyType, Role
from troposphere.sqs import Queue, RedrivePolicy

QUEUE_ACTIONS = [
    "sqs:ReceiveMessage",
    "sqs:ChangeMessageVisibility",
    "sqs:GetQueueUrl",
    "sqs:DeleteMessage",
    "sqs:GetQueueAttributes",
]
TABLE_ACTIONS = [
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:GetItem",
    "dynamodb:Scan",
    "dynamodb:ConditionCheckItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:DescribeTable",
]


def add_service(template, index):
    """Adds the seven resources of service `index` to `template`."""
    dlq = template.add_resource(
        Queue(f"Dlq{index}", MessageRetentionPeriod=1209600, DeletionPolicy="Delete", UpdateReplacePolicy="Delete")
    )
    queue = template.add_resource(
        Queue(
            f"Queue{index}",
            VisibilityTimeout=300,
            RedrivePolicy=RedrivePolicy(deadLetterTargetArn=GetAtt(dlq, "Arn"), maxReceiveCount=3),
            DeletionPolicy="Delete",
            UpdateReplacePolicy="Delete",
        )
    )
    table = template.add_resource(
        Table(
            f"Table{index}",
            AttributeDefinitions=[AttributeDefinition(AttributeName="pk", AttributeType="S")],
            KeySchema=[KeySchema(AttributeName="pk", KeyType="HASH")],
            BillingMode="PAY_PER_REQUEST",
            DeletionPolicy="Retain",
            UpdateReplacePolicy="Retain",
        )
    )
    role = template.add_resource(
        Role(
            f"Worker{index}ServiceRole",
            AssumeRolePolicyDocument={
                "Statement": [
                    {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}}
                ],
                "Version": "2012-10-17",
            },
            ManagedPolicyArns=[
                Join("", ["arn:", Ref("AWS::Partition"), ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"])
            ],
        )
    )
    policy = template.add_resource(
        PolicyType(
            f"Worker{index}ServiceRoleDefaultPolicy",
            PolicyName=f"Worker{index}ServiceRoleDefaultPolicy",
            PolicyDocument={
                "Statement": [
                    {"Action": QUEUE_ACTIONS, "Effect": "Allow", "Resource": GetAtt(queue, "Arn")},
                    {"Action": TABLE_ACTIONS, "Effect": "Allow", "Resource": [GetAtt(table, "Arn")]},
                    {
                        "Action": ["dynamodb:GetRecords", "dynamodb:GetShardIterator"],
                        "Effect": "Allow",
                        "Resource": [GetAtt(table, "Arn")],
                    },
                ],
                "Version": "2012-10-17",
            },
            Roles=[Ref(role)],
        )
    )
    worker = template.add_resource(
        Function(
            f"Worker{index}",
            Code=Code(ZipFile="exports.handler = async () => ({});"),
            Environment=Environment(Variables={"TABLE_NAME": Ref(table)}),
            Handler="index.handler",
            Role=GetAtt(role, "Arn"),
            Runtime="nodejs22.x",
            Timeout=60,
            DependsOn=[policy.title],
        )
    )
    template.add_resource(
        EventSourceMapping(
            f"Worker{index}SqsEventSource",
            BatchSize=10,
            EventSourceArn=GetAtt(queue, "Arn"),
            FunctionName=Ref(worker),
            FunctionResponseTypes=["ReportBatchItemFailures"],
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stacks", type=int, default=20)
    parser.add_argument("--services", type=int, default=50)
    parser.add_argument("--output", default="troposphere.out")
    arguments = parser.parse_args()
    start = time.perf_counter()
    os.makedirs(arguments.output, exist_ok=True)
    resources = 0
    for stack in range(arguments.stacks):
        template = Template()
        for index in range(arguments.services):
            add_service(template, stack * arguments.services + index)
        resources += len(template.resources)
        with open(os.path.join(arguments.output, f"Service{stack}.template.json"), "w") as file:
            file.write(template.to_json())
    elapsed = (time.perf_counter() - start) * 1000
    print(f"synthesized {resources} resources in {elapsed:.1f} ms to {arguments.output}")


if __name__ == "__main__":
    main()
