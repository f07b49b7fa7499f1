import FormworkAWS
import FormworkCore
import FormworkL1
import FormworkTemplate
import Testing

@Suite struct SubscriptionAndInvocationTests {
    @Test func aFunctionSubscriptionLetsTheTopicInvokeTheFunction() throws {
        let topic = Topic("Events")
        let function = inlineFunction("Handler")
        let template = try synthesize {
            topic
            function
            topic.subscribe(function)
        }
        let permission = try #require(template.resources.values.first { $0.type == "AWS::Lambda::Permission" })
        #expect(permission.properties["Principal"] == "sns.amazonaws.com")
        #expect(permission.properties["SourceArn"] == .ref(logicalId("Events/Resource")))
        let subscription = try #require(template.resources[logicalId("Handler/Events/Resource")])
        #expect(subscription.properties["Protocol"] == "lambda")
    }

    @Test func anEmailSubscriptionSitsUnderTheTopic() throws {
        let topic = Topic("Alerts")
        let template = try synthesize {
            topic
            topic.subscribe(.email("ops@example.com"))
        }
        let subscription = try #require(template.resources[logicalId("Alerts/ops@example.com/Resource")])
        #expect(subscription.properties == ["Endpoint": "ops@example.com", "Protocol": "email", "TopicArn": .ref(logicalId("Alerts/Resource"))])
    }

    @Test func aPlainHTTPEndpointIsRejected() {
        let topic = Topic("Alerts")
        #expect(
            synthesisError {
                topic
                topic.subscribe(.https("http://example.com/hook"))
            }?.code == .invalidSetting)
    }

    @Test func aDeadLetterQueueAndAFailureDestinationAreGrantedToTheRole() throws {
        let dlq = Queue("Dead")
        let failures = Topic("Failures")
        let function = Function(
            "Fn", runtime: .nodejs22, handler: "index.handler", code: .inline("x"),
            deadLetterQueue: dlq, logRetention: .oneMonth,
            asyncInvocation: .init(onFailure: .topic(failures), retryAttempts: 1))
        let template = try synthesize { function }
        let properties = try #require(template.resources[logicalId("Fn/Resource")]).properties
        #expect(properties["DeadLetterConfig"] == ["TargetArn": .getAtt(logicalId("Dead/Resource"), "Arn")])
        let statements = template.resources[logicalId("Fn/ServiceRole/DefaultPolicy/Resource")]?.properties["PolicyDocument"]?["Statement"]
        #expect(statements?.arrayValue?.map { $0["Action"] } == ["sqs:SendMessage", "sns:Publish"])
        let config = try #require(template.resources[logicalId("Fn/EventInvokeConfig/Resource")])
        #expect(config.properties["DestinationConfig"] == ["OnFailure": ["Destination": .ref(logicalId("Failures/Resource"))]])
        #expect(template.resources[logicalId("Fn/LogGroup/Resource")]?.properties["RetentionInDays"] == 30)
    }

    @Test func bucketGrantsCoverTheBucketAndItsObjects() throws {
        let bucket = Bucket("Data")
        let function = inlineFunction("Fn")
        let template = try synthesize {
            bucket
            function
            bucket.grant(.read, to: function)
        }
        let statement = template.resources[logicalId("Fn/ServiceRole/DefaultPolicy/Resource")]?.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first
        #expect(statement?["Action"] == ["s3:GetObject*", "s3:GetBucket*", "s3:List*"])
        #expect(statement?["Resource"]?.arrayValue?.count == 2)
    }

    @Test func anAlarmOnFunctionErrorsNotifiesATopic() throws {
        let function = inlineFunction("Fn")
        let topic = Topic("Alerts")
        let template = try synthesize {
            function
            topic
            Alarm("Errors", metric: function.metric(.errors), threshold: 1, alarmActions: [topic.arn])
        }
        let alarm = try #require(template.resources[logicalId("Errors/Resource")])
        #expect(alarm.properties["Statistic"] == "Sum")
        #expect(alarm.properties["AlarmActions"] == [.ref(logicalId("Alerts/Resource"))])
    }
}

/// A kind of destination the library does not have (a bucket receiving failed batches, CDK's
/// `S3OnFailureDestination`), added by conformance alone.
extension Bucket: FailedRecordDestination {
    public var failedRecordBinding: IntegrationBinding<Void> {
        IntegrationBinding(to: self, arn: arn, statements: [PolicyStatement(actions: ["s3:PutObject"], resources: [arn])])
    }
}

@Suite struct RecordDestinationTests {
    @Test func aNewKindOfFailedRecordDestinationIsAConformanceWrittenAndGranted() throws {
        let bucket = Bucket("Failed")
        let stream = Stream("Events")
        let function = inlineFunction("Fn")
        let template = try synthesize {
            bucket
            stream
            function
            function.consumes(stream, .init(startingPosition: .latest, onFailure: bucket))
        }
        let mapping = try #require(template.resources.values.first { $0.type == "AWS::Lambda::EventSourceMapping" })
        #expect(mapping.properties["DestinationConfig"] == ["OnFailure": ["Destination": .getAtt(logicalId("Failed/Resource"), "Arn")]])
        let statements = template.resources[logicalId("Fn/ServiceRole/DefaultPolicy/Resource")]?.properties["PolicyDocument"]?["Statement"]
        #expect(statements?.arrayValue?.contains { $0["Action"] == "s3:PutObject" } == true)
    }
}
