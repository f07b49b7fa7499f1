import FormworkCore

/// A state machine under ``monitor(_:_:alarmActions:oldestMessageAge:dashboardName:)``: an alarm on any failed
/// execution in five minutes (`<id>Failures`).
extension StateMachine: Monitored {
    /// The failed-executions alarm.
    public func recommendedAlarms(in monitor: Monitor) -> [Alarm] {
        [
            Alarm(
                "\(id)Failures", metric: metric(.executionsFailed), threshold: 1, missingData: .notBreaching,
                description: "executions of \(id) fail", alarmActions: monitor.alarmActions)
        ]
    }
}

extension Monitored where Self == StateMachine {
    /// Watch `stateMachine`'s failed executions.
    public static func stateMachine(_ stateMachine: StateMachine) -> StateMachine { stateMachine }
}
