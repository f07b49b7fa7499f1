import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

/// Queues and topics imported by ARN (`Queue.fromQueueArn`, `Topic.fromTopicArn`): nothing declared for them or
/// their policies, their attributes read from the ARN as CDK reads them.
@Suite struct ImportedResourceTests {
    static let queueArn = "arn:aws:sqs:us-east-1:123456789012:orders"
    static let topicArn = "arn:aws:sns:us-east-1:123456789012:events"

    @Test func anImportedQueueDeclaresNothingAndItsGrantGoesToTheGranteeOnly() throws {
        let orders = Queue.fromQueueArn("Orders", arn: .string(Self.queueArn))
        let function = inlineFunction("Fn")
        let template = try synthesize {
            function
            orders
            orders.grant(.send, to: function)
        }
        #expect(template.resources.values.filter { $0.type.hasPrefix("AWS::SQS::") }.isEmpty)
        let statement = template.resources[logicalId("Fn/ServiceRole/DefaultPolicy/Resource")]?.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first
        #expect(statement?["Resource"] == .string(Self.queueArn))
    }

    @Test func anImportedQueueReadsItsNameAndURLFromTextAsWritten() throws {
        let orders = Queue.fromQueueArn("Orders", arn: .string(Self.queueArn))
        let template = try synthesize {
            orders
            Output("Url", value: orders.url)
            Output("Name", value: orders.name)
        }
        #expect(template.outputs["Url"]?.value == .join("", ["https://sqs.us-east-1.", .ref("AWS::URLSuffix"), "/123456789012/orders"]))
        #expect(template.outputs["Name"]?.value == "orders")
    }

    @Test func anImportedQueueReadsItsNameFromAReferenceWithSelectAndSplit() throws {
        let arn = Parameter("QueueArn")
        let orders = Queue.fromQueueArn("Orders", arn: arn.value)
        let template = try synthesize {
            arn
            orders
            Output("Name", value: orders.name)
        }
        #expect(template.outputs["Name"]?.value == ["Fn::Select": [5, ["Fn::Split": [":", .ref("QueueArn")]]]])
    }

    @Test func anArnWithReferencesBetweenItsColonsIsCutAtTheLiteralColons() throws {
        let events = Topic.fromTopicArn("Events", arn: "arn:aws:sns:\(Aws.region):\(Aws.accountId):events")
        let queue = Queue("Inbox")
        let template = try synthesize {
            events
            queue
            events.subscribe(queue)
            Output("Name", value: events.name)
        }
        #expect(template.outputs["Name"]?.value == "events")
        let subscription = try #require(template.resources.values.first { $0.type == "AWS::SNS::Subscription" })
        #expect(subscription.properties["Region"] == .ref("AWS::Region"))
    }

    @Test func aSubscribedImportedQueueGetsNoPolicyAndTheSubscriptionNoDependency() throws {
        let topic = Topic("Topic")
        let orders = Queue.fromQueueArn("Orders", arn: .string(Self.queueArn))
        let template = try synthesize {
            topic
            orders
            topic.subscribe(orders)
        }
        #expect(template.resources.values.filter { $0.type == "AWS::SQS::QueuePolicy" }.isEmpty)
        let subscription = try #require(template.resources.values.first { $0.type == "AWS::SNS::Subscription" })
        #expect(subscription.properties["Endpoint"] == .string(Self.queueArn))
        #expect(subscription.properties["Region"] == nil)
        #expect(subscription.dependsOn.isEmpty)
    }

    @Test func aSubscriptionToAnImportedTopicNamesTheTopicsRegion() throws {
        let events = Topic.fromTopicArn("Events", arn: .string(Self.topicArn))
        let function = inlineFunction("Fn")
        let template = try synthesize {
            events
            function
            events.subscribe(function)
        }
        let subscription = try #require(template.resources[logicalId("Fn/Events/Resource")])
        #expect(subscription.properties["Region"] == "us-east-1")
        #expect(subscription.properties["TopicArn"] == .string(Self.topicArn))
        let permission = try #require(template.resources.values.first { $0.type == "AWS::Lambda::Permission" })
        #expect(permission.properties["SourceArn"] == .string(Self.topicArn))
        #expect(template.resources.values.filter { $0.type == "AWS::SNS::Topic" || $0.type == "AWS::SNS::TopicPolicy" }.isEmpty)
    }

    @Test func ruleTargetsOnImportedResourcesAddNoResourcePolicy() throws {
        let orders = Queue.fromQueueArn("Orders", arn: .string(Self.queueArn))
        let events = Topic.fromTopicArn("Events", arn: .string(Self.topicArn))
        let rule = Rule("Rule", pattern: EventPattern(source: ["orders"]))
        let template = try synthesize {
            orders
            events
            rule
            rule.target(orders)
            rule.target(events)
        }
        #expect(template.resources.count == 1)
        let targets = template.resources[logicalId("Rule/Resource")]?.properties["Targets"]?.arrayValue?.map { $0["Arn"] }
        #expect(targets == [.string(Self.queueArn), .string(Self.topicArn)])
    }

    @Test func aConsumerOfAnImportedQueueIsNotHeldToAVisibilityTimeoutNobodyKnows() throws {
        let orders = Queue.fromQueueArn("Orders", arn: .string(Self.queueArn))
        let function = Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline("x"), timeout: .seconds(120))
        let template = try synthesize {
            function
            orders
            function.consumes(orders)
        }
        let mapping = try #require(template.resources.values.first { $0.type == "AWS::Lambda::EventSourceMapping" })
        #expect(mapping.properties["EventSourceArn"] == .string(Self.queueArn))
    }

    @Test func aScheduleNamesTheRoleForAnImportedTargetAfterItsArn() throws {
        let orders = Queue.fromQueueArn("Orders", arn: .string(Self.queueArn))
        let template = try synthesize {
            orders
            EventBridgeSchedule("Schedule", schedule: .rate(.hours(1)), target: .init(.queue(orders)))
        }
        #expect(template.resources[logicalId("SchedulerRoleForTarget-20f21a/Resource")]?.type == "AWS::IAM::Role")
    }

    @Test func anImportedResourceIsFifoWhenItsArnEndsInFifo() {
        #expect(Queue.fromQueueArn("Orders", arn: "arn:aws:sqs:us-east-1:123456789012:orders.fifo").isFifo)
        #expect(!Queue.fromQueueArn("Orders", arn: .string(Self.queueArn)).isFifo)
        #expect(Topic.fromTopicArn("Events", arn: "arn:aws:sns:us-east-1:123456789012:events.fifo").fifo == true)
    }

    @Test func textThatIsNotAnArnIsRejected() {
        let orders = Queue.fromQueueArn("Orders", arn: "orders")
        let error = synthesisError { orders }
        #expect(error?.code == .invalidSetting)
        #expect(error?.paths == ["Test/Orders"])
        #expect(error?.message == "'orders' is not an ARN; give one of the form arn:partition:service:region:account:resource")
    }
}
