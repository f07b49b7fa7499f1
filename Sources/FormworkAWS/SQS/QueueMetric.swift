import FormworkCore

extension Queue {
    /// SQS queue metrics, with the statistic CDK uses for each.
    public enum MetricName: String, Sendable {
        /// The age of the oldest message not deleted, in seconds (`ApproximateAgeOfOldestMessage`); the maximum.
        case approximateAgeOfOldestMessage = "ApproximateAgeOfOldestMessage"
        /// Messages waiting for their delivery delay to pass (`ApproximateNumberOfMessagesDelayed`); the maximum.
        case approximateNumberOfMessagesDelayed = "ApproximateNumberOfMessagesDelayed"
        /// Messages received but not yet deleted, in flight (`ApproximateNumberOfMessagesNotVisible`); the maximum.
        case approximateNumberOfMessagesNotVisible = "ApproximateNumberOfMessagesNotVisible"
        /// Messages available to receive (`ApproximateNumberOfMessagesVisible`); the maximum.
        case approximateNumberOfMessagesVisible = "ApproximateNumberOfMessagesVisible"
        /// Receive calls that returned no message (`NumberOfEmptyReceives`); summed.
        case numberOfEmptyReceives = "NumberOfEmptyReceives"
        /// Messages deleted from the queue (`NumberOfMessagesDeleted`); summed.
        case numberOfMessagesDeleted = "NumberOfMessagesDeleted"
        /// Messages returned by receive calls (`NumberOfMessagesReceived`); summed.
        case numberOfMessagesReceived = "NumberOfMessagesReceived"
        /// Messages added to the queue (`NumberOfMessagesSent`); summed.
        case numberOfMessagesSent = "NumberOfMessagesSent"
        /// The size of messages added to the queue, in bytes (`SentMessageSize`); averaged.
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
        .of("AWS/SQS", name.rawValue, dimensions: [("QueueName", self.name)], usual: name.statistic, statistic: statistic, period: period)
    }
}
