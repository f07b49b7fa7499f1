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
        return .of(
            "AWS/Lambda", name.rawValue, dimensions: [("FunctionName", function), ("Resource", "\(function):\(aliasName)")], usual: name.statistic,
            statistic: statistic, period: period)
    }
}
