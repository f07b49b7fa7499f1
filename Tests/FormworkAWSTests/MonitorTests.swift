import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct MonitorTests {
    @Test func eachSubjectGetsItsRecommendedAlarmsAndTheDashboardGraphsThem() throws {
        let template = try synthesize {
            let worker = Function("Worker", runtime: .nodejs22, handler: "index.handler", code: .inline("x"))
            let queue = Queue("Inbox")
            let dlq = Queue("Failed")
            let alerts = Topic("Alerts")
            worker
            queue
            dlq
            alerts
            monitor("Orders", [.function(worker), .queue(queue), .deadLetterQueue(dlq)], alarmActions: [alerts.arn], oldestMessageAge: .minutes(10))
        }
        let alarms = template.resources.values.filter { $0.type == "AWS::CloudWatch::Alarm" }
        #expect(
            alarms.map { $0.properties["MetricName"]?.stringValue } == [
                "Errors", "Throttles", "ApproximateAgeOfOldestMessage", "ApproximateNumberOfMessagesVisible",
            ])
        #expect(alarms.first { $0.properties["MetricName"] == "ApproximateAgeOfOldestMessage" }?.properties["Threshold"] == 600)
        #expect(alarms.allSatisfy { $0.properties["AlarmActions"] != nil })
        #expect(template.resources.values.filter { $0.type == "AWS::CloudWatch::Dashboard" }.count == 1)
    }

    @Test func monitoringNothingIsRefused() {
        #expect { try synthesize { monitor("Nothing", []) } } throws: { "\($0)".contains("at least one construct") }
    }
}
