import FormworkCore

/// A CloudWatch metric of a construct, for alarms.
///
/// ```swift
/// dlq.metric(.approximateNumberOfMessagesVisible)
/// ```
public struct Metric: Sendable, Equatable {
    public var namespace: String
    public var name: String
    /// `(Name, Value)` pairs, in order.
    public var dimensions: [(name: String, value: Value)]
    public var statistic: Statistic
    public var period: Duration

    /// How data points are aggregated over a period.
    public enum Statistic: String, Sendable {
        case average = "Average"
        case maximum = "Maximum"
        case minimum = "Minimum"
        case sum = "Sum"
        case sampleCount = "SampleCount"
    }

    /// A metric; five minutes of `Average` by default, as in CDK.
    public init(namespace: String, name: String, dimensions: [(name: String, value: Value)] = [],
                statistic: Statistic = .average, period: Duration = .minutes(5)) {
        self.namespace = namespace
        self.name = name
        self.dimensions = dimensions
        self.statistic = statistic
        self.period = period
    }

    /// The same metric with another statistic.
    public func statistic(_ statistic: Statistic) -> Metric {
        var copy = self
        copy.statistic = statistic
        return copy
    }

    /// The same metric over another period.
    public func period(_ period: Duration) -> Metric {
        var copy = self
        copy.period = period
        return copy
    }

    public static func == (lhs: Metric, rhs: Metric) -> Bool {
        lhs.namespace == rhs.namespace && lhs.name == rhs.name && lhs.statistic == rhs.statistic
            && lhs.period == rhs.period && lhs.dimensions.map(\.name) == rhs.dimensions.map(\.name)
            && lhs.dimensions.map(\.value) == rhs.dimensions.map(\.value)
    }
}
