import FormworkCore

extension StateMachine {
    /// Step Functions execution metrics, with the statistic CDK uses for each.
    public enum MetricName: String, Sendable {
        case executionsFailed = "ExecutionsFailed"
        case executionsStarted = "ExecutionsStarted"
        case executionsSucceeded = "ExecutionsSucceeded"
        case executionsAborted = "ExecutionsAborted"
        case executionsTimedOut = "ExecutionsTimedOut"
        case executionThrottled = "ExecutionThrottled"
        case executionTime = "ExecutionTime"

        var statistic: Metric.Statistic {
            self == .executionTime ? .average : .sum
        }
    }

    /// A metric of this state machine (`AWS/States`, dimension `StateMachineArn`).
    ///
    /// - Parameters:
    ///   - statistic: instead of CDK's statistic for the metric.
    ///   - period: instead of five minutes.
    public func metric(_ name: MetricName, statistic: Metric.Statistic? = nil, period: Duration? = nil) -> Metric {
        .of("AWS/States", name.rawValue, dimension: ("StateMachineArn", arn), usual: name.statistic, statistic: statistic, period: period)
    }
}
