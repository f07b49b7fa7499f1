import FormworkCore

extension Function {
    /// Lambda function metrics, with the statistic CDK uses for each.
    public enum MetricName: String, Sendable {
        case invocations = "Invocations"
        case errors = "Errors"
        case throttles = "Throttles"
        case duration = "Duration"
        case concurrentExecutions = "ConcurrentExecutions"

        var statistic: Metric.Statistic {
            switch self {
            case .invocations, .errors, .throttles: .sum
            case .duration: .average
            case .concurrentExecutions: .maximum
            }
        }
    }

    /// A metric of this function (`AWS/Lambda`, dimension `FunctionName`).
    ///
    /// - Parameters:
    ///   - statistic: instead of CDK's statistic for the metric.
    ///   - period: instead of five minutes.
    public func metric(_ name: MetricName, statistic: Metric.Statistic? = nil, period: Duration? = nil) -> Metric {
        .of("AWS/Lambda", name.rawValue, dimension: ("FunctionName", self.name), usual: name.statistic, statistic: statistic, period: period)
    }
}
