import FormworkCore
import OrderedCollections

/// A metric computed from other metrics (CDK's `cloudwatch.MathExpression`), for alarms and graphs:
/// `100 * errors / invocations` over the metrics named `errors` and `invocations`.
///
/// ```swift
/// let errorRate = MathExpression("100 * errors / invocations",
///                                using: ["errors": worker.metric(.errors), "invocations": worker.metric(.invocations)],
///                                label: "Error rate (%)")
/// Alarm("ErrorRate", metric: errorRate, threshold: 5)
/// ```
public struct MathExpression: MetricSeries, Equatable {
    /// The expression, in CloudWatch's metric math.
    public var expression: String
    /// The metrics the expression names, by the id it names them with, in order. Each is read over the
    /// expression's period, whatever its own.
    public var usingMetrics: OrderedDictionary<String, Metric>
    /// The name shown for the expression's result (`Label` of its query in an alarm, `label` in a dashboard graph); `nil` (the
    /// default) writes none in an alarm, and the expression text in a graph, as CDK does.
    public var label: String?
    /// How often the expression is evaluated, and the period every metric it uses is read over (`Period` of each metric's
    /// `MetricStat`); five minutes unless given, as in CDK. CloudWatch takes 10, 30 or a multiple of 60 seconds.
    public var period: Duration

    /// An expression over `metrics` evaluated every `period` (five minutes unless given, as in CDK).
    public init(_ expression: String, using metrics: OrderedDictionary<String, Metric>, label: String? = nil, period: Duration = .minutes(5)) {
        self.expression = expression
        self.usingMetrics = metrics.mapValues { $0.period(period) }
        self.label = label
        self.period = period
    }

    public var series: MetricSeriesValue { .math(self) }

    /// Fails when an id cannot name a metric in CloudWatch (a lowercase letter, then letters, digits, `_`).
    func validate(at scope: ConstructScope) throws(SynthesisError) {
        guard !expression.isEmpty else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a math expression cannot be empty")
        }
        for id in usingMetrics.keys {
            guard let first = id.first, first.isASCII, first.isLowercase,
                id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            else {
                throw SynthesisError(
                    .invalidSetting, paths: [scope.path],
                    "'\(id)' cannot name a metric in a math expression; start it with a lowercase letter and use letters, digits and _")
            }
        }
    }
}

/// What an alarm can watch and a graph can show: a ``Metric`` or a ``MathExpression``.
public protocol MetricSeries: Sendable {
    /// The plain metric or the expression this series is.
    var series: MetricSeriesValue { get }
}

/// A ``MetricSeries`` resolved to what it is.
public enum MetricSeriesValue: Sendable {
    /// A single CloudWatch metric.
    case metric(Metric)
    /// A metric math expression over other metrics.
    case math(MathExpression)
}

extension Metric: MetricSeries {
    public var series: MetricSeriesValue { .metric(self) }
}
