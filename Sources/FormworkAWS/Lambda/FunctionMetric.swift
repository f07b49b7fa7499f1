import FormworkCore

extension Function {
    /// Lambda function metrics, with the statistic CDK uses for each.
    public enum MetricName: String, Sendable {
        /// Times the function was called, successful or not, retries included (`Invocations`); summed.
        case invocations = "Invocations"
        /// Invocations that ended in a function error (`Errors`); summed.
        case errors = "Errors"
        /// Invocation requests refused for lack of concurrency (`Throttles`); summed.
        case throttles = "Throttles"
        /// Time the function's code ran per invocation, in milliseconds (`Duration`); averaged.
        case duration = "Duration"
        /// Instances processing events at once (`ConcurrentExecutions`); the maximum.
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
        .of("AWS/Lambda", name.rawValue, dimensions: [("FunctionName", self.name)], usual: name.statistic, statistic: statistic, period: period)
    }
}
