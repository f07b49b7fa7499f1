import FormworkCore

/// A function under ``monitor(_:_:alarmActions:oldestMessageAge:dashboardName:)``: alarms on any error
/// (`<id>Errors`) and any throttled invocation (`<id>Throttles`) in five minutes.
extension Function: Monitored {
    /// The errors and throttles alarms.
    public func recommendedAlarms(in monitor: Monitor) -> [Alarm] {
        [
            Alarm(
                "\(id)Errors", metric: metric(.errors), threshold: 1, missingData: .notBreaching, description: "\(id) fails",
                alarmActions: monitor.alarmActions),
            Alarm(
                "\(id)Throttles", metric: metric(.throttles), threshold: 1, missingData: .notBreaching, description: "\(id) is throttled",
                alarmActions: monitor.alarmActions),
        ]
    }
}

extension Monitored where Self == Function {
    /// Watch `function`'s errors and throttles.
    public static func function(_ function: Function) -> Function { function }
}
