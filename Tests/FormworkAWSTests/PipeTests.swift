import FormworkAWS
import FormworkCore
import FormworkL1
import FormworkTemplate
import Testing

@Suite struct PipeTests {
    private let table = Table("Orders", partitionKey: .string("pk"), stream: .newImage)

    @Test func aTableWithoutAStreamCannotBeASource() {
        let plain = Table("Orders", partitionKey: .string("pk"))
        #expect {
            try synthesize {
                plain
                Pipe("Pipe", source: .dynamoDBStream(plain, .init(startingPosition: .latest)), target: .topic(Topic("T")))
            }
        } throws: { "\($0)".contains("has no stream") }
    }

    @Test func onlyAnExpressStateMachineCanBeWaitedFor() {
        let machine = StateMachine("Machine", definition: Chain(State.pass("P")))
        #expect {
            try synthesize { Pipe("Pipe", source: .queue(Queue("Q")), target: .stateMachine(machine, invocation: .requestResponse)) }
        } throws: { "\($0)".contains("EXPRESS") }
        #expect {
            try synthesize { Pipe("Pipe", source: .queue(Queue("Q")), enrichment: .stateMachine(machine), target: .topic(Topic("T"))) }
        } throws: { "\($0)".contains("EXPRESS") }
    }

    @Test func aFifoQueueTargetNeedsAMessageGroup() {
        #expect {
            try synthesize { Pipe("Pipe", source: .queue(Queue("Q")), target: .queue(Queue("Out", fifo: true))) }
        } throws: { "\($0)".contains("messageGroupId") }
    }

    @Test func filtersAreFixedJSONObjects() throws {
        let source = Queue("Q")
        #expect {
            try synthesize { Pipe("Pipe", source: .queue(source), filters: [["body": ["arn": source.arn]]], target: .topic(Topic("T"))) }
        } throws: { "\($0)".contains("filter 1") }
        #expect {
            try synthesize { Pipe("Pipe", source: .queue(source), filters: ["INSERT"], target: .topic(Topic("T"))) }
        } throws: { "\($0)".contains("JSON object") }
        let template = try synthesize {
            Pipe("Pipe", source: .queue(source), filters: [["body": ["total": [["numeric": [">", 100]]]]]], target: .topic(Topic("T")))
        }
        let filters = template.resources["Pipe7793F8A1"]?.properties["SourceParameters"]?["FilterCriteria"]?["Filters"]
        #expect(filters == [["Pattern": #"{"body":{"total":[{"numeric":[">",100]}]}}"#]])
    }

    @Test(arguments: ["", "orders pipe", String(repeating: "p", count: 65)])
    func anInvalidPipeNameIsRefused(name: String) {
        #expect {
            try synthesize { Pipe("Pipe", source: .queue(Queue("Q")), target: .topic(Topic("T")), pipeName: name) }
        } throws: { "\($0)".contains("pipeName") }
    }

    @Test func streamReadingOutsidePipesBoundsIsRefused() {
        #expect {
            try synthesize {
                table
                Pipe("Pipe", source: .dynamoDBStream(table, .init(startingPosition: .latest, parallelizationFactor: 11)), target: .topic(Topic("T")))
            }
        } throws: { "\($0)".contains("parallelizationFactor") }
        #expect {
            try synthesize { Pipe("Pipe", source: .queue(Queue("Q"), maxBatchingWindow: .seconds(301)), target: .topic(Topic("T"))) }
        } throws: { "\($0)".contains("maxBatchingWindow") }
    }

    @Test func anInputObjectCannotReferenceResources() {
        let topic = Topic("T")
        #expect {
            try synthesize { Pipe("Pipe", source: .queue(Queue("Q")), target: .topic(topic, input: .object(["topic": .value(topic.arn)]))) }
        } throws: { "\($0)".contains("'topic'") }
    }

    @Test func thePipeIsAPrincipalOtherGrantsCanGoTo() throws {
        let bucket = Bucket("Archive")
        let pipe = Pipe("Pipe", source: .queue(Queue("Q")), target: .topic(Topic("T")))
        let template = try synthesize {
            bucket
            pipe
            bucket.grant(.read, to: pipe)
        }
        let statements = template.resources["PipeRoleDefaultPolicy56E6A74D"]?.properties["PolicyDocument"]?["Statement"]
        #expect(statements?.arrayValue?.count == 3)
    }
}

/// A kind of pipe target the library does not have (a log group, CDK's `CloudWatchLogs` pipe target), added by
/// conformance alone.
private struct LogGroupPipeTarget: PipeTargetDestination {
    var logGroup: LogGroup

    func pipeTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeTargetParameters> {
        IntegrationBinding(
            to: logGroup, arn: logGroup.arn, statements: [PolicyStatement(actions: ["logs:PutLogEvents"], resources: [logGroup.arn])],
            parameters: CfnPipes.Pipe.PipeTargetParameters(cloudWatchLogsParameters: .init(logStreamName: "pipe")))
    }
}

@Suite struct PipeTargetDestinationTests {
    @Test func aNewKindOfPipeTargetIsAConformanceWrittenAndGranted() throws {
        let logs = LogGroup("Logs")
        let template = try synthesize {
            logs
            Pipe("Pipe", source: .queue(Queue("Q")), target: PipeTarget(LogGroupPipeTarget(logGroup: logs), input: .text("x")))
        }
        let pipe = try #require(template.resources.values.first { $0.type == "AWS::Pipes::Pipe" })
        #expect(pipe.properties["Target"] == .getAtt(logicalId("Logs/Resource"), "Arn"))
        #expect(pipe.properties["TargetParameters"] == ["CloudWatchLogsParameters": ["LogStreamName": "pipe"], "InputTemplate": "x"])
        let policy = try #require(template.resources.values.first { $0.type == "AWS::IAM::Policy" })
        #expect(policy.properties["PolicyDocument"]?["Statement"]?.arrayValue?.contains { $0["Action"] == "logs:PutLogEvents" } == true)
    }
}
