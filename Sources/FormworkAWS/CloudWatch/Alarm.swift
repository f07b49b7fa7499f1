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
    public var threshold: Double
    public var evaluationPeriods: Int
    public var datapointsToAlarm: Int?
    public var comparison: Comparison
    public var missingData: MissingData?
    public var description: String?
    public var alarmName: String?
    /// ARNs notified when the alarm fires (`topic.arn`).
    public var alarmActions: [Value]

    /// `ComparisonOperator`.
    public enum Comparison: String, Sendable {
        case greaterThanOrEqualToThreshold = "GreaterThanOrEqualToThreshold"
        case greaterThanThreshold = "GreaterThanThreshold"
        case lessThanThreshold = "LessThanThreshold"
        case lessThanOrEqualToThreshold = "LessThanOrEqualToThreshold"
    }

    /// `TreatMissingData`.
    public enum MissingData: String, Sendable {
        case breaching
        case notBreaching
        case ignore
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
