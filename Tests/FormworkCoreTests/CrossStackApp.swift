import FormworkCore
import FormworkTemplate

/// The seed's cross-stack pattern (SharedStack's topic, ConsumerStack's queue subscription and publisher),
/// rebuilt from L1 resources at the construct paths CDK uses, so that its templates can be compared with
/// the ones CDK synthesized.
enum CrossStackApp {
    static func make() -> App {
        let topic = Resource("Resource", type: "AWS::SNS::Topic")
        return App {
            Stack("SharedStack") {
                Group("SharedTopic") { topic }
            }
            Stack("ConsumerStack") {
                ConsumerQueue(topic: topic)
                Publisher(topic: topic)
            }
        }
    }

    struct ConsumerQueue: Component {
        let id = "ConsumerQueue"
        let topic: Resource

        var body: [any Construct] {
            let queue = Resource("Resource", type: "AWS::SQS::Queue").removalPolicy(.destroy)
            let policy = Resource(
                "Resource", type: "AWS::SQS::QueuePolicy",
                properties: [
                    "PolicyDocument": [
                        "Statement": [
                            [
                                "Action": "sqs:SendMessage",
                                "Condition": ["ArnEquals": ["aws:SourceArn": topic.ref]],
                                "Effect": "Allow",
                                "Principal": ["Service": "sns.amazonaws.com"],
                                "Resource": queue.getAtt("Arn"),
                            ]
                        ],
                        "Version": "2012-10-17",
                    ],
                    "Queues": [queue.ref],
                ])
            queue
            Group("Policy") { policy }
            Group(LogicalId.make(["SharedStack", "SharedTopic"]) ?? "") {
                Resource(
                    "Resource", type: "AWS::SNS::Subscription",
                    properties: [
                        "Endpoint": queue.getAtt("Arn"), "Protocol": "sqs", "TopicArn": topic.ref,
                    ]
                ).dependsOn(policy)
            }
        }
    }

    struct Publisher: Component {
        let id = "Publisher"
        let topic: Resource

        var body: [any Construct] {
            let role = Resource(
                "Resource", type: "AWS::IAM::Role",
                properties: [
                    "AssumeRolePolicyDocument": [
                        "Statement": [["Action": "sts:AssumeRole", "Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"]]],
                        "Version": "2012-10-17",
                    ],
                    "ManagedPolicyArns": ["arn:\(Aws.partition):iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
                ])
            let policy = Resource(
                "Resource", type: "AWS::IAM::Policy",
                properties: [
                    "PolicyDocument": [
                        "Statement": [["Action": "sns:Publish", "Effect": "Allow", "Resource": topic.ref]],
                        "Version": "2012-10-17",
                    ],
                    "PolicyName": "PublisherServiceRoleDefaultPolicy0E21E942",
                    "Roles": [role.ref],
                ])
            Group("ServiceRole") {
                role
                Group("DefaultPolicy") { policy }
            }
            Resource(
                "Resource", type: "AWS::Lambda::Function",
                properties: [
                    "Runtime": "nodejs22.x",
                    "Handler": "index.handler",
                    "Code": ["ZipFile": "exports.handler = async () => ({});"],
                    "Role": role.getAtt("Arn"),
                ]
            ).dependsOn(role, policy)
        }
    }
}
