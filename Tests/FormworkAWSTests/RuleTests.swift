import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct RuleTests {
    func expression(_ schedule: Schedule) throws -> JSONValue? {
        try synthesize { Rule("R", schedule: schedule) }.resources[logicalId("R/Resource")]?.properties["ScheduleExpression"]
    }

    @Test func ratesUseTheLargestWholeUnitAndTheSingularForOne() throws {
        #expect(try expression(.rate(.minutes(1))) == "rate(1 minute)")
        #expect(try expression(.rate(.minutes(90))) == "rate(90 minutes)")
        #expect(try expression(.rate(.hours(2))) == "rate(2 hours)")
        #expect(try expression(.rate(.days(1))) == "rate(1 day)")
    }

    @Test func cronFieldsDefaultAsInCDK() throws {
        #expect(try expression(.cron(minute: "0", hour: "2")) == "cron(0 2 * * ? *)")
        #expect(try expression(.cron(minute: "30", hour: "8", weekDay: "MON-FRI")) == "cron(30 8 ? * MON-FRI *)")
    }

    @Test(arguments: [
        (Schedule.cron(day: "1", weekDay: "MON"), "a cron schedule cannot set both the day of the month and the day of the week"),
        (.cron(minute: "61"), "the cron minute must be between 0 and 59; it is 61"),
        (.rate(.seconds(30)), "a rate must be a whole number of minutes, at least one; it is 30 s"),
    ])
    func invalidSchedulesAreErrors(schedule: Schedule, message: String) {
        #expect(synthesisError { Rule("R", schedule: schedule) }?.message == message)
    }

    @Test func aScheduleOnACustomBusAndAnEmptyPatternAreErrors() {
        let bus = EventBus("Bus")
        #expect(synthesisError { Rule("R", bus: bus, schedule: .rate(.hours(1))) }?.message.contains("default event bus") == true)
        #expect(synthesisError { Rule("R", pattern: EventPattern()) }?.message.contains("matches no field") == true)
    }

    @Test func targetsAreNumberedAndCarryRetryDeadLetterAndInput() throws {
        let rule = Rule("R", pattern: EventPattern(source: ["orders"], detail: ["total": [.numeric(">", 100)]]))
        let queue = Queue("Q")
        let dlq = Queue("Dead")
        let function = inlineFunction("Fn")
        let template = try synthesize {
            rule
            rule.target(function, retryAttempts: 2, maxEventAge: .hours(1), deadLetterQueue: dlq)
            rule.target(queue, input: .constant(["kind": "order"]))
        }
        let targets = try #require(template.resources[logicalId("R/Resource")]?.properties["Targets"]?.arrayValue)
        #expect(targets.map { $0["Id"] } == ["Target0", "Target1"])
        #expect(targets[0]["RetryPolicy"] == ["MaximumEventAgeInSeconds": 3600, "MaximumRetryAttempts": 2])
        #expect(targets[0]["DeadLetterConfig"] == ["Arn": .getAtt(logicalId("Dead/Resource"), "Arn")])
        #expect(targets[1]["Input"] == #"{"kind":"order"}"#)
        #expect(
            template.resources[logicalId("Q/Policy/Resource")]?.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first?["Principal"]
                == ["Service": "events.amazonaws.com"])
        #expect(template.resources[logicalId("R/AllowEventRule\(logicalId("Test/Fn"))")]?.type == "AWS::Lambda::Permission")
    }

    @Test func aBusIsNamedAfterItsUniqueIdUnlessNamed() throws {
        let template = try synthesize { EventBus("Bus") }
        #expect(template.resources[logicalId("Bus/Resource")]?.properties["Name"] == .string(logicalId("Test/Bus")))
    }
}
