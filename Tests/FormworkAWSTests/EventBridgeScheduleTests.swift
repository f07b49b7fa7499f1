import FormworkAWS
import FormworkCore
import FormworkL1
import FormworkTemplate
import Testing

@Suite struct EventBridgeScheduleTests {
    @Test func aFifoQueueTargetNeedsContentDeduplicationAndAGroup() {
        #expect {
            try synthesize {
                let queue = Queue("Jobs", fifo: true)
                queue
                EventBridgeSchedule("Tick", schedule: .rate(.minutes(5)), target: .init(.queue(queue, messageGroupId: "g")))
            }
        } throws: { "\($0)".contains("contentBasedDeduplication: true") }
        #expect {
            try synthesize {
                let queue = Queue("Jobs", fifo: true, contentBasedDeduplication: true)
                queue
                EventBridgeSchedule("Tick", schedule: .rate(.minutes(5)), target: .init(.queue(queue)))
            }
        } throws: { "\($0)".contains("needs a messageGroupId") }
    }

    @Test(arguments: [(186, nil), (nil, 59), (nil, 86_401)] as [(Int?, Int?)])
    func retriesOutsideSchedulersBoundsAreRefused(attempts: Int?, maxAgeSeconds: Int?) {
        #expect {
            try synthesize {
                let queue = Queue("Jobs")
                queue
                EventBridgeSchedule(
                    "Tick", schedule: .rate(.minutes(5)),
                    target: .init(.queue(queue), retryAttempts: attempts, maxEventAge: maxAgeSeconds.map { .seconds($0) }))
            }
        } throws: { "\($0)".contains(attempts == nil ? "maxEventAge" : "retryAttempts") }
    }

    @Test func anInvalidRateIsRefused() {
        #expect { try synthesize { EventBridgeSchedule("Tick", schedule: .rate(.seconds(30)), target: .init(.topic(Topic("T")))) } } throws: {
            "\($0)".contains("whole number of minutes")
        }
    }
}

/// A kind of schedule target the library does not have (CDK's `KinesisStreamPutRecord`), added by conformance alone.
extension Stream: ScheduleTargetDestination {
    public func scheduleTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<ScheduleTargetParameters> {
        IntegrationBinding(
            to: self, arn: arn, statements: [PolicyStatement(actions: ["kinesis:PutRecord"], resources: [arn])],
            parameters: ScheduleTargetParameters(kinesisParameters: .init(partitionKey: "key")))
    }
}

@Suite struct ScheduleTargetDestinationTests {
    @Test func aNewKindOfTargetIsAConformanceThatWritesItsArnParametersAndGrant() throws {
        let template = try synthesize {
            let stream = Stream("Events")
            stream
            EventBridgeSchedule("Tick", schedule: .rate(.minutes(5)), target: .init(stream))
        }
        let schedule = try #require(template.resources.values.first { $0.type == "AWS::Scheduler::Schedule" })
        let target = try #require(schedule.properties["Target"])
        #expect(target["Arn"] == ["Fn::GetAtt": [.string(logicalId("Events/Resource")), "Arn"]])
        #expect(target["KinesisParameters"] == ["PartitionKey": "key"])
        let policy = try #require(template.resources.values.first { $0.type == "AWS::IAM::Policy" })
        let statements = policy.properties["PolicyDocument"]?["Statement"]
        #expect(statements?.arrayValue?.first?["Action"] == "kinesis:PutRecord")
    }
}
