import FormworkCloud
import Foundation
import Synchronization

/// Follows log groups, as `cdk watch` does for a stack's functions: each new event once, in time order,
/// labelled with what it is the log of.
public final class LogFollower: Sendable {
    /// One log group followed, and the label its lines get.
    public struct Group: Sendable, Equatable {
        /// What the group is the log of, put before each of its lines in brackets (`Orders/Worker1A2B3C4D`).
        public var label: String
        /// The log group's name (`/aws/lambda/<function name>`).
        public var name: String

        /// The log group `name`, labelled `label`.
        public init(label: String, name: String) {
            self.label = label
            self.name = name
        }
    }

    let logs: CloudWatchLogsClient
    /// The groups followed.
    public let groups: [Group]
    /// Per group: the newest timestamp read, and the events read at that timestamp (`FilterLogEvents`'s start
    /// is inclusive).
    private let positions: Mutex<[String: (newest: Int64, seen: Set<String>)]>

    /// Follows `groups` from `start` (milliseconds since 1970; now by default).
    public init(logs: CloudWatchLogsClient, groups: [Group], since start: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) {
        self.logs = logs
        self.groups = groups
        positions = Mutex(Dictionary(groups.map { ($0.name, (newest: start, seen: Set<String>())) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The lines of the events that arrived since the last call: `[label] message`, oldest first per group.
    public func newLines() async throws(CloudError) -> [String] {
        var lines: [String] = []
        for group in groups {
            let position = positions.withLock { $0[group.name] ?? (newest: 0, seen: []) }
            let events = try await logs.events(of: group.name, since: position.newest)
            var newest = position.newest
            var seen = position.seen
            for event in events.sorted(by: { $0.timestamp < $1.timestamp }) {
                let key = "\(event.timestamp) \(event.logStreamName ?? "") \(event.message)"
                guard event.timestamp > position.newest || !position.seen.contains(key) else { continue }
                if event.timestamp > newest {
                    newest = event.timestamp
                    seen = []
                }
                seen.insert(key)
                lines.append("[\(group.label)] \(event.message.trimmingCharacters(in: .newlines))")
            }
            positions.withLock { $0[group.name] = (newest, seen) }
        }
        return lines
    }
}
