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
    _ id: String, _ subjects: [any Monitored], alarmActions: [Value] = [], oldestMessageAge: Duration = .minutes(5),
    dashboardName: String? = nil
) -> Monitor {
    Monitor(id: id, subjects: subjects, alarmActions: alarmActions, oldestMessageAge: oldestMessageAge, dashboardName: dashboardName)
}

/// Something ``monitor(_:_:alarmActions:oldestMessageAge:dashboardName:)`` can watch: it names the alarms
/// recommended for it. Each kind conforms in its own service's folder (`<Type>+Monitored.swift`) with its
/// leading-dot factory (`.function(_:)`, `.queue(_:)`, `.deadLetterQueue(_:)`, `.stateMachine(_:)`); a new kind
/// is a new conformance.
public protocol Monitored: Sendable {
    /// The alarms recommended for this construct under `monitor`'s settings, each notifying ``Monitor/alarmActions``.
    func recommendedAlarms(in monitor: Monitor) -> [Alarm]
}

/// The alarms and dashboard ``monitor(_:_:alarmActions:oldestMessageAge:dashboardName:)`` makes.
public struct Monitor: Construct {
    public let id: String
    /// The constructs watched, at least one; their alarms are made in this order.
    public var subjects: [any Monitored]
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
        subjects.flatMap { $0.recommendedAlarms(in: self) }
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
