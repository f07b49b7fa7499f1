import FormworkCore
import FormworkTemplate
import Testing

/// A 200-construct stack, written as CI type-checks it with `-warn-long-function-bodies=200`: ten instances
/// of one component whose body lists twenty constructs, with references between them.
struct ServiceBlock: Component {
    let index: Int
    var id: String { "Service\(index)" }

    var body: [any Construct] {
        let dlq = Resource("Dlq", type: "AWS::SQS::Queue", properties: ["MessageRetentionPeriod": 1_209_600])
        let queue = Resource(
            "Queue", type: "AWS::SQS::Queue",
            properties: [
                "VisibilityTimeout": 300,
                "RedrivePolicy": ["deadLetterTargetArn": dlq.getAtt("Arn"), "maxReceiveCount": 3],
            ])
        let table = Resource(
            "Table", type: "AWS::DynamoDB::Table",
            properties: [
                "KeySchema": [["AttributeName": "pk", "KeyType": "HASH"]],
                "AttributeDefinitions": [["AttributeName": "pk", "AttributeType": "S"]],
                "BillingMode": "PAY_PER_REQUEST",
            ]
        ).removalPolicy(.retain)
        let role = Resource(
            "Role", type: "AWS::IAM::Role",
            properties: [
                "AssumeRolePolicyDocument": [
                    "Statement": [
                        [
                            "Action": "sts:AssumeRole", "Effect": "Allow",
                            "Principal": ["Service": "lambda.amazonaws.com"],
                        ]
                    ],
                    "Version": "2012-10-17",
                ]
            ])
        let topic = Resource("Topic", type: "AWS::SNS::Topic", properties: ["DisplayName": "service \(index)"])
        dlq
        queue
        table
        role
        topic
        Resource(
            "Policy", type: "AWS::IAM::Policy",
            properties: [
                "PolicyDocument": [
                    "Statement": [["Action": "dynamodb:GetItem", "Effect": "Allow", "Resource": table.getAtt("Arn")]],
                    "Version": "2012-10-17",
                ],
                "PolicyName": "service-\(index)",
                "Roles": [role.ref],
            ])
        Resource(
            "Worker", type: "AWS::Lambda::Function",
            properties: [
                "Code": ["ZipFile": "exports.handler = async () => ({});"], "Handler": "index.handler",
                "Role": role.getAtt("Arn"), "Runtime": "nodejs22.x",
                "Environment": ["Variables": ["TABLE_NAME": table.ref, "TOPIC_ARN": topic.ref]],
            ])
        Resource(
            "Subscription", type: "AWS::SNS::Subscription",
            properties: [
                "Endpoint": queue.getAtt("Arn"), "Protocol": "sqs", "TopicArn": topic.ref,
            ])
        Resource(
            "Alarm", type: "AWS::CloudWatch::Alarm",
            properties: [
                "ComparisonOperator": "GreaterThanOrEqualToThreshold", "EvaluationPeriods": 1, "Threshold": 1,
                "MetricName": "ApproximateNumberOfMessagesVisible", "Namespace": "AWS/SQS", "Period": 300, "Statistic": "Maximum",
                "Dimensions": [["Name": "QueueName", "Value": dlq.getAtt("QueueName")]],
            ])
        Resource("LogGroup", type: "AWS::Logs::LogGroup", properties: ["RetentionInDays": 30, "LogGroupName": "/shop/service-\(index)"])
        Resource("Bucket", type: "AWS::S3::Bucket", properties: ["VersioningConfiguration": ["Status": "Enabled"]])
        Resource("Stream", type: "AWS::Kinesis::Stream", properties: ["ShardCount": 1])
        Resource("Bus", type: "AWS::Events::EventBus", properties: ["Name": "service-\(index)"])
        Resource("Schedule", type: "AWS::Events::Rule", properties: ["ScheduleExpression": "rate(5 minutes)", "State": "ENABLED"])
        Resource("Secret", type: "AWS::SecretsManager::Secret", properties: ["Description": "service \(index)"])
        Resource("Parameter", type: "AWS::SSM::Parameter", properties: ["Type": "String", "Value": queue.ref])
        Output("QueueUrl", value: queue.ref)
        Output("TableName", value: table.ref)
        Output("TopicArn", value: topic.ref)
        Output("DlqArn", value: dlq.getAtt("Arn"))
    }
}

@Suite struct LargeStackTests {
    @Test func twoHundredConstructsInComponentsSynthesizeWithUniqueLogicalIds() throws {
        let app = App {
            Stack("Large") {
                for index in 0..<10 { ServiceBlock(index: index) }
            }
        }
        let template = try #require(try app.synthesize().stacks.first).template
        #expect(template.resources.count == 160)
        #expect(template.outputs.count == 40)
        #expect(template.resources.keys.allSatisfy(Template.isValidLogicalId))
    }
}
