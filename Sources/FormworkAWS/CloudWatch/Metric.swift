import FormworkCore

/// A CloudWatch metric of a construct, for alarms.
///
/// ```swift
/// dlq.metric(.approximateNumberOfMessagesVisible)
/// ```
public struct Metric: Sendable, Equatable {
    /// The metric's namespace (`Namespace`), such as `AWS/SQS`.
    public var namespace: String
    /// The metric's name (`MetricName`), such as `ApproximateNumberOfMessagesVisible`.
    public var name: String
    /// `(Name, Value)` pairs, in order.
    public var dimensions: [(name: String, value: Value)]
    /// How data points are aggregated over each period (`Statistic`, or `ExtendedStatistic` for a percentile); `Average`
    /// unless given, as in CDK.
    public var statistic: Statistic
    /// The length of each aggregation period (`Period`, in whole seconds); five minutes unless given, as in CDK. CloudWatch
    /// takes 10, 30 or a multiple of 60 seconds.
    public var period: Duration

    /// How data points are aggregated over a period: a standard statistic or a percentile.
    public struct Statistic: RawRepresentable, Sendable, Hashable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// `Average`: the sum of the values divided by their count.
        public static let average = Statistic(rawValue: "Average")
        /// `Maximum`: the highest value.
        public static let maximum = Statistic(rawValue: "Maximum")
        /// `Minimum`: the lowest value.
        public static let minimum = Statistic(rawValue: "Minimum")
        /// `Sum`: all the values added together.
        public static let sum = Statistic(rawValue: "Sum")
        /// `SampleCount`: the number of data points.
        public static let sampleCount = Statistic(rawValue: "SampleCount")

        /// A percentile, `p99` or `p99.9` (an alarm's `ExtendedStatistic`).
        public static func percentile(_ percent: Double) -> Statistic {
            let text = percent == percent.rounded() ? String(Int(percent)) : String(percent)
            return Statistic(rawValue: "p" + text)
        }

        /// Whether CloudWatch takes this as an extended statistic (a percentile).
        public var isExtended: Bool {
            ![Self.average, .maximum, .minimum, .sum, .sampleCount].contains(self)
        }
    }

    /// A metric; five minutes of `Average` by default, as in CDK.
    public init(
        namespace: String, name: String, dimensions: [(name: String, value: Value)] = [],
        statistic: Statistic = .average, period: Duration = .minutes(5)
    ) {
        self.namespace = namespace
        self.name = name
        self.dimensions = dimensions
        self.statistic = statistic
        self.period = period
    }

    /// A construct's metric in `namespace`, identified by `dimensions` (in name order, as CDK writes them):
    /// `statistic` (or the construct's usual one for the metric) over `period` (or five minutes), as CDK's metric
    /// factories make them.
    static func of(
        _ namespace: String, _ name: String, dimensions: [(name: String, value: Value)], usual: Statistic,
        statistic: Statistic?, period: Duration?
    ) -> Metric {
        Metric(namespace: namespace, name: name, dimensions: dimensions, statistic: statistic ?? usual, period: period ?? .minutes(5))
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
