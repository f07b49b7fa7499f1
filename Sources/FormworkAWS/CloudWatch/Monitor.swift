import FormworkCore

/// The recommended alarms and a dashboard for a set of constructs, in one line (Formwork's own; CDK has no
/// counterpart): for each function, errors and throttles; for each queue, the age of its oldest message,
/// and for a dead-letter queue any message at all; for each state machine, failed executions. Every alarm
/// notifies `alarmActions`; the dashboard (`<id>Dashboard`) graphs what the alarms watch.
///
/// ```swift
/// monitor("Orders", [.function(worker), .queue(queue), .deadLetterQueue(dlq), .stateMachine(workflow)],
///         alarmActions: [alerts.arn])
/// ```
public func monitor(
    _ id: String, _ subjects: [Monitored], alarmActions: [Value] = [], oldestMessageAge: Duration = .minutes(5),
    dashboardName: String? = nil
) -> Monitor {
    Monitor(id: id, subjects: subjects, alarmActions: alarmActions, oldestMessageAge: oldestMessageAge, dashboardName: dashboardName)
}

/// What ``monitor(_:_:alarmActions:oldestMessageAge:dashboardName:)`` watches.
public enum Monitored: Sendable {
    /// A function: alarms on any error (`<id>Errors`) and any throttled invocation (`<id>Throttles`) in five minutes.
    case function(Function)
    /// A queue: an alarm when its oldest message has waited ``Monitor/oldestMessageAge`` or longer (`<id>OldestMessage`).
    case queue(Queue)
    /// A queue where failed messages land: any message alarms.
    case deadLetterQueue(Queue)
    /// A state machine: an alarm on any failed execution in five minutes (`<id>Failures`).
    case stateMachine(StateMachine)
}

/// The alarms and dashboard ``monitor(_:_:alarmActions:oldestMessageAge:dashboardName:)`` makes.
public struct Monitor: Construct {
    public let id: String
    /// The constructs watched, at least one; their alarms are made in this order.
    public var subjects: [Monitored]
    /// ARNs every alarm notifies when it fires (`AlarmActions`), such as `topic.arn`; none unless given.
    public var alarmActions: [Value]
    /// How long a queue's oldest message may wait before its alarm fires (the `ApproximateAgeOfOldestMessage` threshold, in
    /// whole seconds); five minutes unless given.
    public var oldestMessageAge: Duration
    /// The dashboard's name (`DashboardName`): 1 to 255 letters, digits, `-` and `_`; `nil` (the default) leaves it out and
    /// CloudFormation generates one.
    public var dashboardName: String?

    /// One alarm per watched signal, with the metric it watches.
    var alarms: [Alarm] {
        subjects.flatMap { subject -> [Alarm] in
            switch subject {
            case .function(let function):
                [
                    Alarm(
                        "\(function.id)Errors", metric: function.metric(.errors), threshold: 1, missingData: .notBreaching,
                        description: "\(function.id) fails", alarmActions: alarmActions),
                    Alarm(
                        "\(function.id)Throttles", metric: function.metric(.throttles), threshold: 1, missingData: .notBreaching,
                        description: "\(function.id) is throttled", alarmActions: alarmActions),
                ]
            case .queue(let queue):
                [
                    Alarm(
                        "\(queue.id)OldestMessage", metric: queue.metric(.approximateAgeOfOldestMessage), threshold: Double(oldestMessageAge.wholeSeconds),
                        missingData: .notBreaching, description: "messages wait in \(queue.id) longer than \(oldestMessageAge.wholeSeconds) s",
                        alarmActions: alarmActions)
                ]
            case .deadLetterQueue(let queue):
                [
                    Alarm(
                        "\(queue.id)Messages", metric: queue.metric(.approximateNumberOfMessagesVisible), threshold: 1, missingData: .notBreaching,
                        description: "failed messages wait in \(queue.id)", alarmActions: alarmActions)
                ]
            case .stateMachine(let machine):
                [
                    Alarm(
                        "\(machine.id)Failures", metric: machine.metric(.executionsFailed), threshold: 1, missingData: .notBreaching,
                        description: "executions of \(machine.id) fail", alarmActions: alarmActions)
                ]
            }
        }
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        guard !subjects.isEmpty else { throw SynthesisError(.invalidSetting, paths: [scope.path], "monitor what? give at least one construct") }
        let alarms = alarms
        for alarm in alarms { try scope.add(alarm) }
        let widgets = alarms.map { Dashboard.Widget.graph(title: $0.description, left: [$0.metric]) }
        try scope.add(
            Dashboard(
                "Dashboard", dashboardName: dashboardName,
                rows: stride(from: 0, to: widgets.count, by: 4).map { Array(widgets[$0..<min($0 + 4, widgets.count)]) }))
    }
}
