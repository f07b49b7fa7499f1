import FormworkCore

extension Topic {
    /// SNS topic metrics, with the statistic CDK uses for each.
    public enum MetricName: String, Sendable {
        /// Messages published to the topic (`NumberOfMessagesPublished`); summed.
        case numberOfMessagesPublished = "NumberOfMessagesPublished"
        /// Messages delivered to subscribers (`NumberOfNotificationsDelivered`); summed.
        case numberOfNotificationsDelivered = "NumberOfNotificationsDelivered"
        /// Messages SNS failed to deliver to subscribers (`NumberOfNotificationsFailed`); summed.
        case numberOfNotificationsFailed = "NumberOfNotificationsFailed"
        /// Messages a subscription's filter policy turned away (`NumberOfNotificationsFilteredOut`); summed.
        case numberOfNotificationsFilteredOut = "NumberOfNotificationsFilteredOut"
        /// The size of published messages, in bytes (`PublishSize`); averaged.
        case publishSize = "PublishSize"

        var statistic: Metric.Statistic {
            self == .publishSize ? .average : .sum
        }
    }

    /// A metric of this topic (`AWS/SNS`, dimension `TopicName`).
    ///
    /// - Parameters:
    ///   - statistic: instead of CDK's statistic for the metric.
    ///   - period: instead of five minutes.
    public func metric(_ name: MetricName, statistic: Metric.Statistic? = nil, period: Duration? = nil) -> Metric {
        .of("AWS/SNS", name.rawValue, dimensions: [("TopicName", self.name)], usual: name.statistic, statistic: statistic, period: period)
    }
}
