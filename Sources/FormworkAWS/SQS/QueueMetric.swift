import FormworkCore

extension Queue {
    /// SQS queue metrics, with the statistic CDK uses for each.
    public enum MetricName: String, Sendable {
        case approximateAgeOfOldestMessage = "ApproximateAgeOfOldestMessage"
        case approximateNumberOfMessagesDelayed = "ApproximateNumberOfMessagesDelayed"
        case approximateNumberOfMessagesNotVisible = "ApproximateNumberOfMessagesNotVisible"
        case approximateNumberOfMessagesVisible = "ApproximateNumberOfMessagesVisible"
        case numberOfEmptyReceives = "NumberOfEmptyReceives"
        case numberOfMessagesDeleted = "NumberOfMessagesDeleted"
        case numberOfMessagesReceived = "NumberOfMessagesReceived"
        case numberOfMessagesSent = "NumberOfMessagesSent"
        case sentMessageSize = "SentMessageSize"

        var statistic: Metric.Statistic {
            switch self {
            case .approximateAgeOfOldestMessage, .approximateNumberOfMessagesDelayed,
                .approximateNumberOfMessagesNotVisible, .approximateNumberOfMessagesVisible:
                .maximum
            case .sentMessageSize: .average
            case .numberOfEmptyReceives, .numberOfMessagesDeleted, .numberOfMessagesReceived, .numberOfMessagesSent: .sum
            }
        }
    }

    /// A metric of this queue (`AWS/SQS`, dimension `QueueName`).
    ///
    /// - Parameters:
    ///   - statistic: instead of CDK's statistic for the metric.
    ///   - period: instead of five minutes.
    public func metric(_ name: MetricName, statistic: Metric.Statistic? = nil, period: Duration? = nil) -> Metric {
        .of("AWS/SQS", name.rawValue, dimension: ("QueueName", self.name), usual: name.statistic, statistic: statistic, period: period)
    }
}
