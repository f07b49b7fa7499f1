import FormworkCloud
import Foundation
import Synchronization

/// Follows a stack's events while CloudFormation works on it, reporting each as a line with the progress
/// (`[done/total]`, elapsed seconds), until the stack settles. Stops early when the user interrupts.
struct StackFollower: Sendable {
    let cloudFormation: CloudFormationClient
    let report: @Sendable (String) -> Void
    /// The stack's progress in a line, after every poll (for a status line that a terminal redraws).
    let status: @Sendable (String) -> Void
    let interruption: Interruption
    /// The pause between polls.
    var pause: TimeInterval = 1

    /// How the stack settled, and the events seen on the way.
    struct Outcome: Sendable {
        var status: String
        var events: [CloudFormationClient.StackEvent]

        /// The reason of the first resource that failed, CloudFormation's cancellations of the others skipped.
        var firstFailure: String? {
            events.first { $0.status.hasSuffix("_FAILED") && !($0.reason ?? "").contains("cancelled") }
                .map { "\($0.logicalId) (\($0.resourceType)): \($0.reason ?? $0.status)" }
        }
    }

    /// Follows `stack` from the event after `lastEventId` until its status no longer ends in `_IN_PROGRESS`;
    /// `total` is the number of resources the change touches, for the progress count.
    func follow(_ stack: String, after lastEventId: String?, total: Int) async throws(DeployError) -> Outcome {
        let start = Date()
        var last = lastEventId
        var seen: [CloudFormationClient.StackEvent] = []
        var done = Set<String>()
        while true {
            if interruption.happened {
                throw .refused(stack: stack, reason: "interrupted; CloudFormation goes on with the change. Watch it in the console, or run the command again when the stack has settled")
            }
            let events: [CloudFormationClient.StackEvent]
            let current: CloudFormationClient.Stack?
            do {
                events = try await cloudFormation.events(ofStack: stack, after: last)
                current = try await cloudFormation.stack(named: stack)
            } catch {
                throw .cloud(error)
            }
            for event in events {
                if event.status.hasSuffix("_COMPLETE"), event.resourceType != "AWS::CloudFormation::Stack" { done.insert(event.logicalId) }
                let elapsed = Int(Date().timeIntervalSince(start))
                let reason = event.reason.map { " (\($0))" } ?? ""
                report("\(stack) [\(min(done.count, total))/\(total)] \(elapsed)s \(event.status) \(event.resourceType) \(event.logicalId)\(reason)")
            }
            seen += events
            last = events.last?.id ?? last
            status("\(stack): \(min(done.count, total))/\(total) resources, \(Int(Date().timeIntervalSince(start))) s, \(current?.status ?? "DELETE_COMPLETE")")
            guard let current, current.status.hasSuffix("_IN_PROGRESS"), current.status != "REVIEW_IN_PROGRESS" else {
                return Outcome(status: current?.status ?? "DELETE_COMPLETE", events: seen)
            }
            try? await Task.sleep(nanoseconds: UInt64(pause * 1_000_000_000))
        }
    }
}

/// Whether the user asked to stop (Ctrl-C): set from a signal handler, read by the deployment between steps.
public final class Interruption: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Marks the interruption.
    public func interrupt() { flag.store(true, ordering: .sequentiallyConsistent) }

    /// Whether it happened.
    public var happened: Bool { flag.load(ordering: .sequentiallyConsistent) }
}
