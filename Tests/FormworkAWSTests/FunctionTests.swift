import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct FunctionTests {
    @Test func aFunctionGetsAServiceRoleWithTheBasicExecutionPolicy() throws {
        let template = try synthesize { inlineFunction("Fn") }
        let role = try #require(template.resources[logicalId("Fn/ServiceRole/Resource")])
        #expect(role.type == "AWS::IAM::Role")
        #expect(
            role.properties["ManagedPolicyArns"] == [.join("", ["arn:", .pseudo(.partition), ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"])])
        #expect(template.resources.count == 2)
    }

    @Test func withoutGrantsTheFunctionNeedsNoDependsOn() throws {
        let function = try #require(try synthesize { inlineFunction("Fn") }.resources.values.first { $0.type == "AWS::Lambda::Function" })
        #expect(function.dependsOn.isEmpty)
    }

    @Test func activeTracingSetsTracingConfigAndGrantsXRayInTheDefaultPolicy() throws {
        let template = try synthesize { inlineFunction("Fn", tracing: .active) }
        let function = try #require(template.resources.values.first { $0.type == "AWS::Lambda::Function" })
        let policyId = logicalId("Fn/ServiceRole/DefaultPolicy/Resource")
        #expect(function.properties["TracingConfig"] == ["Mode": "Active"])
        #expect(function.dependsOn == [policyId])
        #expect(template.resources[policyId]?.properties["PolicyName"] == .string(policyId))
    }

    @Test func consumingAQueueCreatesTheMappingUnderTheFunctionAndGrantsConsumption() throws {
        let queue = Queue("Q")
        let function = inlineFunction("Fn")
        let template = try synthesize {
            queue
            function
            function.consumes(queue, batchSize: 5, reportBatchItemFailures: true)
        }
        let mappingId = logicalId("Fn/SqsEventSource:\(logicalId("Test/Q"))/Resource")
        let mapping = try #require(template.resources[mappingId])
        #expect(mapping.properties["BatchSize"] == 5)
        #expect(mapping.properties["FunctionResponseTypes"] == ["ReportBatchItemFailures"])
        let policy = try #require(template.resources.values.first { $0.type == "AWS::IAM::Policy" })
        #expect(
            policy.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first?["Action"]
                == ["sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes"])
    }

    @Test func aBatchOfMoreThanTenNeedsABatchingWindow() {
        let queue = Queue("Q")
        let function = inlineFunction("Fn")
        let error = synthesisError {
            queue
            function
            function.consumes(queue, batchSize: 100)
        }
        #expect(error?.code == .invalidSetting)
        #expect(error?.message == "batchSize must be between 1 and 10; it is 100")
        #expect(
            synthesisError {
                queue
                function
                function.consumes(queue, batchSize: 100, maxBatchingWindow: .seconds(5))
            } == nil)
    }

    @Test func aQueueHidingMessagesShorterThanTheConsumerRunsIsAnError() {
        let queue = Queue("Q", visibilityTimeout: .seconds(30))
        let function = Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline("x"), timeout: .seconds(60))
        let error = synthesisError {
            queue
            function
            function.consumes(queue)
        }
        #expect(error?.code == .invalidSetting)
        #expect(error?.message.hasPrefix("the visibility timeout of 'Q' (30 s) is shorter than the timeout of 'Fn' (60 s)") == true)
    }

    @Test func aGrantToAnUnlistedFunctionIncludesTheFunction() throws {
        let template = try synthesize {
            let topic = Topic("Topic")
            topic
            topic.grant(.publish, to: inlineFunction("Publisher"))
        }
        #expect(template.resources.values.map(\.type) == ["AWS::SNS::Topic", "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::Lambda::Function"])
    }

    @Test func outOfRangeTimeoutIsAnError() {
        let error = synthesisError {
            Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline("x"), timeout: .minutes(20))
        }
        #expect(error?.message == "timeout must be between 1 and 900 s; it is 1200 s")
    }
}

@Suite struct FunctionRuntimeOptionTests {
    @Test(arguments: [
        ("java21", true), ("java11", true), ("java8.al2", false), ("python3.12", true), ("python3.11", false), ("dotnet8", true), ("nodejs22.x", false),
    ])
    func snapStartIsOfferedForTheRuntimesLambdaOffersItFor(runtime: String, supported: Bool) {
        #expect(Function.Runtime(runtime).supportsSnapStart == supported)
    }

    @Test func snapStartOnANodeFunctionIsRefused() {
        #expect {
            try synthesize { Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline("x"), snapStart: true) }
        } throws: { "\($0)".contains("SnapStart is for Java") }
    }

    @Test func ephemeralStorageOutsideLambdasRangeIsRefused() {
        #expect {
            try synthesize { Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline("x"), ephemeralStorageSize: 256) }
        } throws: { "\($0)".contains("ephemeralStorageSize") }
    }
}
