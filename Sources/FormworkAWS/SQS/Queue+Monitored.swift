import FormworkCore

/// A queue under ``monitor(_:_:alarmActions:oldestMessageAge:dashboardName:)``: an alarm when its oldest message
/// has waited ``Monitor/oldestMessageAge`` or longer (`<id>OldestMessage`).
extension Queue: Monitored {
    /// The oldest-message alarm.
    public func recommendedAlarms(in monitor: Monitor) -> [Alarm] {
        let seconds = monitor.oldestMessageAge.wholeSeconds
        return [
            Alarm(
                "\(id)OldestMessage", metric: metric(.approximateAgeOfOldestMessage), threshold: Double(seconds), missingData: .notBreaching,
                description: "messages wait in \(id) longer than \(seconds) s", alarmActions: monitor.alarmActions)
        ]
    }
}

/// A queue where failed messages land, under ``monitor(_:_:alarmActions:oldestMessageAge:dashboardName:)``: any
/// message alarms (`<id>Messages`).
public struct DeadLetterQueueMonitoring: Monitored {
    /// The dead-letter queue watched.
    public var queue: Queue

    /// Watches `queue` as a dead-letter queue.
    public init(_ queue: Queue) {
        self.queue = queue
    }

    /// The any-message alarm.
    public func recommendedAlarms(in monitor: Monitor) -> [Alarm] {
        [
            Alarm(
                "\(queue.id)Messages", metric: queue.metric(.approximateNumberOfMessagesVisible), threshold: 1, missingData: .notBreaching,
                description: "failed messages wait in \(queue.id)", alarmActions: monitor.alarmActions)
        ]
    }
}

extension Monitored where Self == Queue {
    /// Watch the age of `queue`'s oldest message.
    public static func queue(_ queue: Queue) -> Queue { queue }
}

extension Monitored where Self == DeadLetterQueueMonitoring {
    /// Watch `queue` as a dead-letter queue: any message alarms.
    public static func deadLetterQueue(_ queue: Queue) -> DeadLetterQueueMonitoring { DeadLetterQueueMonitoring(queue) }
}
