import FormworkCore

extension StateMachine {
    /// Step Functions execution metrics, with the statistic CDK uses for each.
    public enum MetricName: String, Sendable {
        /// Executions that failed (`ExecutionsFailed`); summed.
        case executionsFailed = "ExecutionsFailed"
        /// Executions started (`ExecutionsStarted`); summed.
        case executionsStarted = "ExecutionsStarted"
        /// Executions that succeeded (`ExecutionsSucceeded`); summed.
        case executionsSucceeded = "ExecutionsSucceeded"
        /// Executions stopped before they finished (`ExecutionsAborted`); summed.
        case executionsAborted = "ExecutionsAborted"
        /// Executions that ran past their timeout (`ExecutionsTimedOut`); summed.
        case executionsTimedOut = "ExecutionsTimedOut"
        /// State transitions held back by throttling (`ExecutionThrottled`); summed.
        case executionThrottled = "ExecutionThrottled"
        /// How long executions ran, in milliseconds, from start to end (`ExecutionTime`); averaged.
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
        .of("AWS/States", name.rawValue, dimensions: [("StateMachineArn", arn)], usual: name.statistic, statistic: statistic, period: period)
    }
}
