import Formwork

/// The queue orders arrive on: encrypted, TLS-only, with a dead-letter queue after three failed receives,
/// subscribed to the order-events topic of the shared stack.
struct OrderIntake: Component {
    let id = "OrderIntake"
    let topic: Resource

    var body: [any Construct] {
        let deadLetters = Resource("Resource", type: "AWS::SQS::Queue", properties: [
            "MessageRetentionPeriod": 1_209_600,
            "SqsManagedSseEnabled": true,
        ]).removalPolicy(.destroy)
        let queue = Resource("Resource", type: "AWS::SQS::Queue", properties: [
            "RedrivePolicy": ["deadLetterTargetArn": deadLetters.getAtt("Arn"), "maxReceiveCount": 3],
            "SqsManagedSseEnabled": true,
            "VisibilityTimeout": 300,
        ]).removalPolicy(.destroy)
        let policy = QueuePolicy(queue: queue, topic: topic)

        Group("DeadLetterQueue") { deadLetters }
        Group("Queue") {
            queue
            Group("Policy") { policy.resource }
            Group("Subscription") {
                Resource("Resource", type: "AWS::SNS::Subscription", properties: [
                    "Endpoint": queue.getAtt("Arn"),
                    "Protocol": "sqs",
                    "RawMessageDelivery": true,
                    "TopicArn": topic.ref,
                ]).dependsOn(policy.resource)
            }
        }
        Output("QueueUrl", value: queue.ref, description: "Where order messages are received")
        Output("DeadLetterQueueArn", value: deadLetters.getAtt("Arn"))
    }
}

/// The order queue's resource policy: SNS may deliver from the order-events topic only, and every request
/// must use TLS.
struct QueuePolicy {
    let resource: Resource

    init(queue: Resource, topic: Resource) {
        resource = Resource("Resource", type: "AWS::SQS::QueuePolicy", properties: [
            "PolicyDocument": [
                "Statement": [
                    [
                        "Action": "sqs:*",
                        "Condition": ["Bool": ["aws:SecureTransport": "false"]],
                        "Effect": "Deny",
                        "Principal": ["AWS": "*"],
                        "Resource": queue.getAtt("Arn"),
                    ],
                    [
                        "Action": "sqs:SendMessage",
                        "Condition": ["ArnEquals": ["aws:SourceArn": topic.ref]],
                        "Effect": "Allow",
                        "Principal": ["Service": "sns.amazonaws.com"],
                        "Resource": queue.getAtt("Arn"),
                    ],
                ],
                "Version": "2012-10-17",
            ],
            "Queues": [queue.ref],
        ])
    }
}
