import Formwork

/// The benchmark app: the construct set of the CDK scale app's `Service`, written with L1 resources at the
/// construct paths CDK gives them, `services` per stack, in `stacks` stacks `Service{s}`.
///
/// Per service `i`: `Dlq{i}` (14 days retention), `Queue{i}` (300 s visibility, redrive to `Dlq{i}` after 3
/// receives), `Table{i}` (string key `pk`, on demand, retained), and `Worker{i}`: a Node.js function with
/// its service role, a default policy granting the queue consumption and table read/write, and an SQS event
/// source. Seven resources per service.
enum ScaleApp {
    static func make(stacks: Int, services: Int) -> App {
        App {
            for stack in 0..<stacks {
                Stack("Service\(stack)") {
                    for index in 0..<services {
                        for construct in Service(stack: "Service\(stack)", index: stack * services + index).constructs {
                            construct
                        }
                    }
                }
            }
        }
    }
}

/// The constructs of one service, listed directly in its stack as the CDK app creates them.
struct Service {
    let stack: String
    let index: Int

    var constructs: [any Construct] {
        let dlq = Resource("Resource", type: "AWS::SQS::Queue", properties: ["MessageRetentionPeriod": 1_209_600])
            .removalPolicy(.destroy)
        let queue = Resource("Resource", type: "AWS::SQS::Queue", properties: [
            "RedrivePolicy": ["deadLetterTargetArn": dlq.getAtt("Arn"), "maxReceiveCount": 3],
            "VisibilityTimeout": 300,
        ]).removalPolicy(.destroy)
        let table = Resource("Resource", type: "AWS::DynamoDB::Table", properties: [
            "AttributeDefinitions": [["AttributeName": "pk", "AttributeType": "S"]],
            "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": [["AttributeName": "pk", "KeyType": "HASH"]],
        ]).removalPolicy(.retain)
        return [
            Group("Dlq\(index)") { dlq },
            Group("Queue\(index)") { queue },
            Group("Table\(index)") { table },
            Worker(id: "Worker\(index)", stack: stack, queueId: "Queue\(index)", queue: queue, table: table),
        ]
    }
}

/// A function consuming a queue and reading and writing a table, at CDK's paths.
struct Worker: Component {
    let id: String
    let stack: String
    let queueId: String
    let queue: Resource
    let table: Resource

    var body: [any Construct] {
        let role = Resource("Resource", type: "AWS::IAM::Role", properties: [
            "AssumeRolePolicyDocument": [
                "Statement": [["Action": "sts:AssumeRole", "Effect": "Allow", "Principal": ["Service": "lambda.amazonaws.com"]]],
                "Version": "2012-10-17",
            ],
            "ManagedPolicyArns": ["arn:\(Aws.partition):iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
        ])
        let policy = Resource("Resource", type: "AWS::IAM::Policy", properties: [
            "PolicyDocument": [
                "Statement": [
                    ["Action": ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                                "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
                     "Effect": "Allow", "Resource": queue.getAtt("Arn")],
                    ["Action": ["dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem",
                                "dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem",
                                "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:PutItem",
                                "dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateItem"],
                     "Effect": "Allow", "Resource": [table.getAtt("Arn"), Aws.noValue]],
                ],
                "Version": "2012-10-17",
            ],
            "PolicyName": .string("\(id)ServiceRoleDefaultPolicy"),
            "Roles": [role.ref],
        ])
        let function = Resource("Resource", type: "AWS::Lambda::Function", properties: [
            "Code": ["ZipFile": "exports.handler = async () => ({});"],
            "Environment": ["Variables": ["TABLE_NAME": table.ref]],
            "Handler": "index.handler",
            "Role": role.getAtt("Arn"),
            "Runtime": "nodejs22.x",
        ]).dependsOn(policy, role)
        Group("ServiceRole") {
            role
            Group("DefaultPolicy") { policy }
        }
        function
        Group("SqsEventSource:\(LogicalId.make([stack, queueId]) ?? queueId)") {
            Resource("Resource", type: "AWS::Lambda::EventSourceMapping", properties: [
                "EventSourceArn": queue.getAtt("Arn"),
                "FunctionName": function.ref,
            ])
        }
    }
}
