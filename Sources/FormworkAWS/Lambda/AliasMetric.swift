import FormworkCore

extension Alias {
    /// A metric of the invocations through this alias (`AWS/Lambda`, dimensions `FunctionName`, the function's name,
    /// and `Resource`, `<function>:<alias>`), with the statistic CDK uses for each, as CDK's `Alias.metric…` writes it.
    ///
    /// - Parameters:
    ///   - statistic: instead of CDK's statistic for the metric.
    ///   - period: instead of five minutes.
    public func metric(_ name: Function.MetricName, statistic: Metric.Statistic? = nil, period: Duration? = nil) -> Metric {
        let function = version.function.name
        return Metric(
            namespace: "AWS/Lambda", name: name.rawValue, dimensions: [("FunctionName", function), ("Resource", "\(function):\(aliasName)")],
            statistic: statistic ?? name.statistic, period: period ?? .minutes(5))
    }
}
