import FormworkAWS
import FormworkCore
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
