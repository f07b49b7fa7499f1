import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct MathExpressionTests {
    @Test func theExpressionsPeriodIsThePeriodOfEveryMetricItUses() {
        let fn = inlineFunction("Fn")
        let expression = MathExpression("a + b", using: ["a": fn.metric(.errors, period: .minutes(1)), "b": fn.metric(.throttles)], period: .minutes(10))
        #expect(expression.usingMetrics.values.map(\.period) == [.minutes(10), .minutes(10)])
    }

    @Test(arguments: ["Errors", "1st", "error-rate", ""])
    func anIdCloudWatchCannotReadIsRefused(id: String) {
        let fn = inlineFunction("Fn")
        #expect {
            try synthesize {
                fn
                Alarm("Rate", metric: MathExpression("\(id) * 2", using: [id: fn.metric(.errors)]), threshold: 1)
            }
        } throws: { "\($0)".contains("cannot name a metric") }
        #expect {
            try synthesize {
                fn
                Dashboard("Dash", rows: [[.graph(left: [MathExpression("\(id) * 2", using: [id: fn.metric(.errors)])])]])
            }
        } throws: { "\($0)".contains("cannot name a metric") }
    }

    @Test func anAlarmOnAnExpressionWritesMetricQueriesInsteadOfAMetric() throws {
        let fn = inlineFunction("Fn")
        let template = try synthesize {
            fn
            Alarm("Rate", metric: MathExpression("100 * e / i", using: ["e": fn.metric(.errors), "i": fn.metric(.invocations)]), threshold: 5)
        }
        let alarm = try #require(template.resources.values.first { $0.type == "AWS::CloudWatch::Alarm" })
        #expect(alarm.properties["MetricName"] == nil && alarm.properties["Period"] == nil)
        #expect(alarm.properties["Metrics"]?.arrayValue?.compactMap { $0["Id"]?.stringValue } == ["expr_1", "e", "i"])
    }
}
