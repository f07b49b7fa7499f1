import FormworkCore
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
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt("Arn"))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(evaluationPeriods, in: 1...Int.max, "evaluationPeriods", at: scope)
        if let datapointsToAlarm, datapointsToAlarm > evaluationPeriods || datapointsToAlarm < 1 {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "datapointsToAlarm must be between 1 and evaluationPeriods (\(evaluationPeriods)); it is \(datapointsToAlarm)")
        }
        var properties = OrderedDictionary<String, Value>()
        properties["AlarmActions"] = alarmActions.isEmpty ? nil : .array(alarmActions)
        properties["AlarmDescription"] = description.map { .string($0) }
        properties["AlarmName"] = alarmName.map { .string($0) }
        properties["ComparisonOperator"] = .string(comparison.rawValue)
        properties["DatapointsToAlarm"] = datapointsToAlarm.map { .number(Double($0)) }
        properties["EvaluationPeriods"] = .number(Double(evaluationPeriods))
        switch metric.series {
        case .metric(let metric):
            properties["Dimensions"] = metric.dimensionsValue
            properties["ExtendedStatistic"] = metric.statistic.isExtended ? .string(metric.statistic.rawValue) : nil
            properties["MetricName"] = .string(metric.name)
            properties["Namespace"] = .string(metric.namespace)
            properties["Period"] = .number(Double(metric.period.wholeSeconds))
            properties["Statistic"] = metric.statistic.isExtended ? nil : .string(metric.statistic.rawValue)
        case .math(let expression):
            try expression.validate(at: scope)
            properties["Metrics"] = expression.alarmMetrics
        }
        properties["Threshold"] = .number(threshold)
        properties["TreatMissingData"] = missingData.map { .string($0.rawValue) }
        try scope.declareResource("AWS::CloudWatch::Alarm", properties: properties)
    }
}

extension Metric {
    /// `[{Name, Value}, ...]`, or `nil` without dimensions.
    var dimensionsValue: Value? {
        dimensions.isEmpty ? nil : .array(dimensions.map { ["Name": .string($0.name), "Value": $0.value] })
    }
}

extension MathExpression {
    /// The alarm's `Metrics`: the expression (`expr_1`, the one returned), then each metric it uses under its id.
    var alarmMetrics: Value {
        var expressionQuery: OrderedDictionary<String, Value> = ["Expression": .string(expression), "Id": "expr_1"]
        expressionQuery["Label"] = label.map { .string($0) }
        expressionQuery["ReturnData"] = true
        var queries: [Value] = [.object(expressionQuery)]
        for (id, metric) in usingMetrics {
            var described: OrderedDictionary<String, Value> = [:]
            described["Dimensions"] = metric.dimensionsValue
            described["MetricName"] = .string(metric.name)
            described["Namespace"] = .string(metric.namespace)
            queries.append([
                "Id": .string(id),
                "MetricStat": [
                    "Metric": .object(described), "Period": .number(Double(metric.period.wholeSeconds)), "Stat": .string(metric.statistic.rawValue),
                ],
                "ReturnData": false,
            ])
        }
        return .array(queries)
    }
}
