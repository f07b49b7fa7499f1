import FormworkCore
import FormworkL1
import OrderedCollections

/// A CloudWatch alarm on a metric or a math expression (CDK's `cloudwatch.Alarm`).
///
/// ```swift
/// Alarm("DLQAlarm", metric: dlq.metric(.approximateNumberOfMessagesVisible), threshold: 1,
///       description: "Messages in DLQ require attention")
/// ```
public struct Alarm: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// What the alarm watches: a ``Metric`` or a ``MathExpression``.
    public var metric: any MetricSeries
    /// The value the metric is compared with (`Threshold`), in the metric's unit.
    public var threshold: Double
    /// How many of the latest periods are evaluated (`EvaluationPeriods`), at least 1; 1 unless given.
    public var evaluationPeriods: Int
    /// How many of the evaluated periods must breach for the alarm to fire (`DatapointsToAlarm`, an "M out of N" alarm), 1 to
    /// ``evaluationPeriods``; `nil` (the default) writes none, and every evaluated period must breach.
    public var datapointsToAlarm: Int?
    /// How the metric is compared with the threshold (`ComparisonOperator`); greater than or equal to unless given, as in CDK.
    public var comparison: Comparison
    /// How periods without data are counted (`TreatMissingData`); `nil` (the default) writes none, and CloudWatch uses
    /// `missing`.
    public var missingData: MissingData?
    /// The alarm's description (`AlarmDescription`), up to 1,024 characters; none written unless given.
    public var description: String?
    /// The alarm's name (`AlarmName`), up to 255 characters; `nil` (the default) leaves it out and CloudFormation generates one.
    public var alarmName: String?
    /// ARNs notified when the alarm fires (`topic.arn`).
    public var alarmActions: [Value]

    /// `ComparisonOperator`.
    public enum Comparison: String, Sendable {
        /// `GreaterThanOrEqualToThreshold`: breaches at or above the threshold.
        case greaterThanOrEqualToThreshold = "GreaterThanOrEqualToThreshold"
        /// `GreaterThanThreshold`: breaches above the threshold.
        case greaterThanThreshold = "GreaterThanThreshold"
        /// `LessThanThreshold`: breaches below the threshold.
        case lessThanThreshold = "LessThanThreshold"
        /// `LessThanOrEqualToThreshold`: breaches at or below the threshold.
        case lessThanOrEqualToThreshold = "LessThanOrEqualToThreshold"
    }

    /// `TreatMissingData`.
    public enum MissingData: String, Sendable {
        /// `breaching`: a period without data counts as breaching.
        case breaching
        /// `notBreaching`: a period without data counts as within the threshold.
        case notBreaching
        /// `ignore`: periods without data are skipped, and the alarm keeps its state.
        case ignore
        /// `missing`: when every evaluated period lacks data, the alarm goes to `INSUFFICIENT_DATA` (CloudWatch's default).
        case missing
    }

    /// An alarm when `metric` compares to `threshold` for `evaluationPeriods` periods.
    public init(
        _ id: String,
        metric: some MetricSeries,
        threshold: Double,
        evaluationPeriods: Int = 1,
        datapointsToAlarm: Int? = nil,
        comparison: Comparison = .greaterThanOrEqualToThreshold,
        missingData: MissingData? = nil,
        description: String? = nil,
        alarmName: String? = nil,
        alarmActions: [Value] = []
    ) {
        self.id = id
        self.metric = metric
        self.threshold = threshold
        self.evaluationPeriods = evaluationPeriods
        self.datapointsToAlarm = datapointsToAlarm
        self.comparison = comparison
        self.missingData = missingData
        self.description = description
        self.alarmName = alarmName
        self.alarmActions = alarmActions
    }

    /// The alarm's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnCloudWatch.Alarm.Attribute.arn.rawValue))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(evaluationPeriods, in: 1...Int.max, "evaluationPeriods", at: scope)
        if let datapointsToAlarm, datapointsToAlarm > evaluationPeriods || datapointsToAlarm < 1 {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "datapointsToAlarm must be between 1 and evaluationPeriods (\(evaluationPeriods)); it is \(datapointsToAlarm)")
        }
        var alarm = CfnCloudWatch.Alarm(
            alarmActions: alarmActions.isEmpty ? nil : .array(alarmActions),
            alarmDescription: description.map { .string($0) },
            alarmName: alarmName.map { .string($0) },
            comparisonOperator: .string(comparison.rawValue),
            datapointsToAlarm: datapointsToAlarm.map { .number(Double($0)) },
            evaluationPeriods: .number(Double(evaluationPeriods)),
            threshold: .number(threshold),
            treatMissingData: missingData.map { .string($0.rawValue) })
        switch metric.series {
        case .metric(let metric):
            alarm.dimensions = metric.dimensionsProperty
            alarm.extendedStatistic = metric.statistic.isExtended ? .string(metric.statistic.rawValue) : nil
            alarm.metricName = .string(metric.name)
            alarm.namespace = .string(metric.namespace)
            alarm.period = .number(Double(metric.period.wholeSeconds))
            alarm.statistic = metric.statistic.isExtended ? nil : .string(metric.statistic.rawValue)
        case .math(let expression):
            try expression.validate(at: scope)
            alarm.metrics = expression.alarmMetrics
        }
        try scope.declareResource(alarm)
    }
}

extension Metric {
    /// `[{Name, Value}, ...]`, or `nil` without dimensions.
    var dimensionsProperty: [CfnCloudWatch.Alarm.Dimension]? {
        dimensions.isEmpty ? nil : dimensions.map { CfnCloudWatch.Alarm.Dimension(name: .string($0.name), value: $0.value) }
    }
}

extension MathExpression {
    /// The alarm's `Metrics`: the expression (`expr_1`, the one returned), then each metric it uses under its id.
    var alarmMetrics: [CfnCloudWatch.Alarm.MetricDataQuery] {
        var queries = [
            CfnCloudWatch.Alarm.MetricDataQuery(expression: .string(expression), id: "expr_1", label: label.map { .string($0) }, returnData: true)
        ]
        for (id, metric) in usingMetrics {
            let described = CfnCloudWatch.Alarm.Metric(
                dimensions: metric.dimensionsProperty, metricName: .string(metric.name), namespace: .string(metric.namespace))
            queries.append(
                CfnCloudWatch.Alarm.MetricDataQuery(
                    id: .string(id),
                    metricStat: CfnCloudWatch.Alarm.MetricStat(
                        metric: described, period: .number(Double(metric.period.wholeSeconds)), stat: .string(metric.statistic.rawValue)),
                    returnData: false))
        }
        return queries
    }
}
