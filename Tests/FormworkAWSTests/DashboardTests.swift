@testable import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct DashboardTests {
    @Test func textIsEscapedAsJavaScriptEscapesIt() {
        #expect(DashboardBody.quoted("a\"b\\c\nd\u{01}é") == #""a\"b\\c\nd\u0001é""#)
    }

    @Test func aDashboardWithoutReferencesIsPlainText() throws {
        let template = try synthesize { Dashboard("D", rows: [[.text(markdown: "hi")]]) }
        #expect(
            template.resources.values.first?.properties["DashboardBody"]
                == #"{"widgets":[{"type":"text","width":6,"height":2,"x":0,"y":0,"properties":{"markdown":"hi"}}]}"#)
    }

    @Test func anInvalidNameOrWidthIsRefused() {
        #expect { try synthesize { Dashboard("D", dashboardName: "has space", rows: []) } } throws: { "\($0)".contains("is not valid") }
        #expect { try synthesize { Dashboard("D", rows: [[.text(markdown: "x", width: 25)]]) } } throws: { "\($0)".contains("1 to 24 columns") }
    }

    /// CDK's `MetricSet`: a metric shown and used by an expression is one row, shown, with the expression's id; one
    /// only used is hidden; a metric shown twice is one row, on the axis it was first given.
    @Test func aMetricShownAndUsedByAnExpressionIsOneRowWithItsId() {
        let fn = inlineFunction("Fn")
        let sum = MathExpression("e + i", using: ["e": fn.metric(.errors), "i": fn.metric(.invocations)])
        let set = MetricSet([
            (series: fn.metric(.errors), right: false),
            (series: sum, right: false),
            (series: fn.metric(.throttles), right: true),
            (series: fn.metric(.throttles), right: false),
        ])
        #expect(set.entries.map { $0.id } == ["e", nil, "i", nil])
        #expect(set.entries.map { $0.axis == nil } == [false, false, true, false])
        #expect(set.entries.map { $0.axis == .right } == [false, false, false, true])
        #expect(set.conflictingIds.isEmpty)
    }

    /// The same metric over another period than the expression's is another row; under another id, too.
    @Test func aMetricUnderAnotherPeriodOrIdIsAnotherRow() {
        let fn = inlineFunction("Fn")
        let doubled = MathExpression("e * 2", using: ["e": fn.metric(.errors)])
        let tripled = MathExpression("x * 3", using: ["x": fn.metric(.errors)])
        let set = MetricSet([(series: fn.metric(.errors, period: .minutes(1)), right: false), (series: doubled, right: false), (series: tripled, right: false)])
        #expect(set.entries.map { $0.id } == [nil, nil, "e", nil, "x"])
    }

    @Test func oneIdForTwoDifferentMetricsInAWidgetIsRefused() {
        let fn = inlineFunction("Fn")
        let errors = MathExpression("m * 2", using: ["m": fn.metric(.errors)])
        let throttles = MathExpression("m * 3", using: ["m": fn.metric(.throttles)])
        let error = synthesisError {
            fn
            Dashboard("Dash", rows: [[.graph(left: [errors], right: [throttles])]])
        }
        #expect(error?.message == "two different metrics have the id 'm' in one widget; give one of them another id")
        #expect(error?.paths == ["Test/Dash"])
        // In two widgets, the two ids are apart.
        let apart = synthesisError {
            fn
            Dashboard("Dash", rows: [[.graph(left: [errors]), .graph(left: [throttles])]])
        }
        #expect(apart == nil)
    }
}
