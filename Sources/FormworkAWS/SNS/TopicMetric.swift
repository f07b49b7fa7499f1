import FormworkCore

extension Topic {
    /// SNS topic metrics, with the statistic CDK uses for each.
    public enum MetricName: String, Sendable {
        case numberOfMessagesPublished = "NumberOfMessagesPublished"
        case numberOfNotificationsDelivered = "NumberOfNotificationsDelivered"
        case numberOfNotificationsFailed = "NumberOfNotificationsFailed"
        case numberOfNotificationsFilteredOut = "NumberOfNotificationsFilteredOut"
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
        .of("AWS/SNS", name.rawValue, dimension: ("TopicName", self.name), usual: name.statistic, statistic: statistic, period: period)
    }
}
