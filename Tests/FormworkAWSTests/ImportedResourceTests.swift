import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

/// Queues, topics, tables, functions and buckets imported by ARN or name (`Queue.fromQueueArn`, `Topic.fromTopicArn`,
/// `Table.fromTableArn`, `Function.fromFunctionArn`, `Bucket.fromBucketName`, ...): nothing declared for them or their
/// policies, their attributes read from the ARN as CDK reads them.
@Suite struct ImportedResourceTests {
    static let queueArn = "arn:aws:sqs:us-east-1:123456789012:orders"
    static let topicArn = "arn:aws:sns:us-east-1:123456789012:events"
    static let tableArn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders"
    static let functionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders-handler"

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

    // MARK: Tables

    @Test func aTableImportedByNameHasTheStacksArnAndGrantsOnItAlone() throws {
        let orders = Table.fromTableName("Orders", name: "orders")
        let function = inlineFunction("Fn")
        let template = try synthesize {
            function
            orders
            orders.grant(.read, to: function)
            Output("Name", value: orders.name)
        }
        #expect(template.resources.values.filter { $0.type.hasPrefix("AWS::DynamoDB::") }.isEmpty)
        #expect(template.outputs["Name"]?.value == "orders")
        let arn: JSONValue = .join("", ["arn:", .ref("AWS::Partition"), ":dynamodb:", .ref("AWS::Region"), ":", .ref("AWS::AccountId"), ":table/orders"])
        let statement = template.resources[logicalId("Fn/ServiceRole/DefaultPolicy/Resource")]?.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first
        #expect(statement?["Resource"] == [arn])
    }

    @Test func aTableImportedByArnReadsItsNameAfterTheSlash() throws {
        let arn = Parameter("TableArn")
        let fromText = Table.fromTableArn("Orders", arn: .string(Self.tableArn))
        let fromParameter = Table.fromTableArn("Other", arn: arn.value)
        let template = try synthesize {
            arn
            fromText
            fromParameter
            Output("Name", value: fromText.name)
            Output("OtherName", value: fromParameter.name)
        }
        #expect(template.outputs["Name"]?.value == "orders")
        #expect(
            template.outputs["OtherName"]?.value == ["Fn::Select": [1, ["Fn::Split": ["/", ["Fn::Select": [5, ["Fn::Split": [":", .ref("TableArn")]]]]]]]])
    }

    /// CDK's `Arn.extractResourceName(arn, "table")` throws for an ARN whose resource has no `table/`.
    @Test func aTableArnWithoutTheTableResourceTypeIsRefused() throws {
        let listed = Table.fromTableArn("Orders", arn: "arn:aws:dynamodb:us-east-1:123456789012:orders")
        #expect(synthesisError { listed }?.code == .invalidSetting)
        let granted = Table.fromTableArn("Orders", arn: "arn:aws:dynamodb:us-east-1:123456789012:orders")
        let function = inlineFunction("Fn")
        #expect(
            synthesisError {
                function
                granted.grant(.read, to: function)
            }?.code == .invalidSetting)
    }

    @Test func anImportedTableGrantsItsStreamOnlyWithAStreamArn() throws {
        let streamArn = "\(Self.tableArn)/stream/2024-01-01T00:00:00.000"
        let withStream = Table.fromTableAttributes("Orders", arn: .string(Self.tableArn), streamArn: .string(streamArn))
        let function = inlineFunction("Fn")
        let template = try synthesize {
            function
            withStream
            withStream.grant(.streamRead, to: function)
        }
        let statements = template.resources[logicalId("Fn/ServiceRole/DefaultPolicy/Resource")]?.properties["PolicyDocument"]?["Statement"]?.arrayValue
        #expect(statements?.last?["Resource"] == .string(streamArn))
        let withoutStream = Table.fromTableArn("Orders", arn: .string(Self.tableArn))
        let error = synthesisError {
            function
            withoutStream
            withoutStream.grant(.streamRead, to: function)
        }
        #expect(error?.code == .invalidSetting)
    }

    // MARK: Functions

    @Test func anImportedFunctionDeclaresNothingAndTakesItsNameFromItsArn() throws {
        let handler = Function.fromFunctionArn("Handler", arn: .string(Self.functionArn))
        let alias = Function.fromFunctionArn("Alias", arn: .string(Self.functionArn + ":live"))
        let arn = Parameter("FunctionArn")
        let fromParameter = Function.fromFunctionArn("Other", arn: arn.value)
        let template = try synthesize {
            arn
            handler
            alias
            fromParameter
            Output("Name", value: handler.name)
            Output("AliasName", value: alias.name)
            Output("OtherName", value: fromParameter.name)
        }
        #expect(template.resources.isEmpty)
        #expect(template.outputs["Name"]?.value == "orders-handler")
        #expect(template.outputs["AliasName"]?.value == "orders-handler")
        #expect(template.outputs["OtherName"]?.value == ["Fn::Select": [6, ["Fn::Split": [":", .ref("FunctionArn")]]]])
    }

    @Test func aRuleTargetsAnImportedFunctionWithoutAPermissionInAnEnvironmentAgnosticStack() throws {
        let handler = Function.fromFunctionArn("Handler", arn: .string(Self.functionArn))
        let rule = Rule("Rule", pattern: EventPattern(source: ["orders"]))
        let template = try synthesize {
            handler
            rule
            rule.target(handler)
        }
        #expect(template.resources.count == 1)
        #expect(template.resources[logicalId("Rule/Resource")]?.properties["Targets"]?.arrayValue?.first?["Arn"] == .string(Self.functionArn))
    }

    @Test func aStackInTheFunctionsAccountGivesItsRuleAndSubscriptionPermissions() throws {
        let handler = Function.fromFunctionArn("Handler", arn: .string(Self.functionArn))
        let rule = Rule("Rule", pattern: EventPattern(source: ["orders"]))
        let topic = Topic("Topic")
        let template = try App {
            Stack("Test", account: "123456789012") {
                handler
                rule
                topic
                rule.target(handler)
                topic.subscribe(handler)
            }
        }.synthesize().stacks[0].template
        let permissions = template.resources.values.filter { $0.type == "AWS::Lambda::Permission" }
        #expect(permissions.count == 2)
        #expect(permissions.allSatisfy { $0.properties["FunctionName"] == .string(Self.functionArn) })
    }

    @Test func anInvokeGrantOnAnImportedFunctionNeedsAccountsCDKCanCompare() throws {
        let handler = Function.fromFunctionArn("Handler", arn: .string(Self.functionArn))
        let function = inlineFunction("Fn")
        let error = synthesisError {
            handler
            function
            handler.grantInvoke(to: function)
        }
        #expect(error?.code == .invalidSetting)
        let joined = Function.fromFunctionArn("Joined", arn: "arn:aws:lambda:\(Aws.region):\(Aws.accountId):function:orders-handler")
        let template = try synthesize {
            joined
            function
            joined.grantInvoke(to: function)
        }
        let statement = template.resources[logicalId("Fn/ServiceRole/DefaultPolicy/Resource")]?.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first
        #expect(statement?["Action"] == "lambda:InvokeFunction")
    }

    @Test func aScheduleNamesTheRoleForAnImportedFunctionAfterItsParameter() throws {
        let arn = Parameter("FunctionArn")
        let handler = Function.fromFunctionArn("Handler", arn: arn.value)
        let template = try synthesize {
            arn
            handler
            EventBridgeSchedule("Schedule", schedule: .rate(.hours(1)), target: .init(.function(handler)))
        }
        // CDK's md5 of {"Ref":"FunctionArn"}.
        #expect(template.resources.keys.contains { $0.hasPrefix("SchedulerRoleForTargete2807f") })
    }

    // MARK: Buckets

    @Test func aBucketImportedByNameHasThePartitionsArnAndNoPolicy() throws {
        let archive = Bucket.fromBucketName("Archive", name: "orders-data")
        let function = inlineFunction("Fn")
        let template = try synthesize {
            function
            archive
            archive.grant(.put, to: function)
            Output("Name", value: archive.name)
        }
        #expect(template.resources.values.filter { $0.type.hasPrefix("AWS::S3::") }.isEmpty)
        #expect(template.outputs["Name"]?.value == "orders-data")
        let statement = template.resources[logicalId("Fn/ServiceRole/DefaultPolicy/Resource")]?.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first
        #expect(statement?["Resource"] == .join("", ["arn:", .ref("AWS::Partition"), ":s3:::orders-data/*"]))
    }

    @Test func aBucketImportedByArnReadsItsName() throws {
        let arn = Parameter("BucketArn")
        let fromText = Bucket.fromBucketArn("Archive", arn: "arn:aws:s3:::orders-data")
        let fromParameter = Bucket.fromBucketArn("Other", arn: arn.value)
        let template = try synthesize {
            arn
            fromText
            fromParameter
            Output("Name", value: fromText.name)
            Output("OtherName", value: fromParameter.name)
        }
        #expect(template.outputs["Name"]?.value == "orders-data")
        #expect(
            template.outputs["OtherName"]?.value == ["Fn::Select": [0, ["Fn::Split": ["/", ["Fn::Select": [5, ["Fn::Split": [":", .ref("BucketArn")]]]]]]]])
    }
}
