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

    /// How long polling rides out throttling and transient errors in a row before it gives up: 5 minutes.
    static let maximumOutage: TimeInterval = 300
    /// How long a status equal to the one before the operation is taken for a stale read: 5 minutes.
    static let maximumStaleness: TimeInterval = 300

    /// Follows `stack` from the event after `lastEventId` until it settles; `total` is the number of
    /// resources the change touches, for the progress count.
    ///
    /// CloudFormation's reads are eventually consistent: right after an operation starts, `DescribeStacks`
    /// may still show the status from `before` (`REVIEW_IN_PROGRESS` for a new stack, the old
    /// `UPDATE_COMPLETE`), or no stack at all. Such a read is not taken as the end: the stack has settled
    /// when its status is final and differs from `before`, or when the operation's own events have been
    /// seen. Throttling and transient errors are waited out for up to ``maximumOutage``.
    func follow(_ stack: String, after lastEventId: String?, total: Int, before: String?, deleting: Bool = false) async throws(DeployError) -> Outcome {
        let start = Date()
        var last = lastEventId
        var seen: [CloudFormationClient.StackEvent] = []
        var done = Set<String>()
        var failingSince: Date?
        var wait = pause
        while true {
            if interruption.happened {
                throw .refused(
                    stack: stack,
                    reason: "interrupted; CloudFormation goes on with the change. Watch it in the console, or run the command again when the stack has settled")
            }
            let events: [CloudFormationClient.StackEvent]
            let current: CloudFormationClient.Stack?
            do {
                events = try await cloudFormation.events(ofStack: stack, after: last)
                current = try await cloudFormation.stack(named: stack)
                failingSince = nil
                wait = pause
            } catch {
                guard RetryPolicy.isRetryable(error) else { throw .cloud(error) }
                let since = failingSince ?? Date()
                failingSince = since
                guard Date().timeIntervalSince(since) < Self.maximumOutage else { throw .cloud(error) }
                status("\(stack): waiting out \(error)")
                try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
                wait = min(wait * 2, 20)
                continue
            }
            for event in events {
                if event.status.hasSuffix("_COMPLETE"), event.resourceType != "AWS::CloudFormation::Stack" { done.insert(event.logicalId) }
                let elapsed = Int(Date().timeIntervalSince(start))
                let reason = event.reason.map { " (\($0))" } ?? ""
                report("\(stack) [\(min(done.count, total))/\(total)] \(elapsed)s \(event.status) \(event.resourceType) \(event.logicalId)\(reason)")
            }
            seen += events
            last = events.last?.id ?? last
            status(
                "\(stack): \(min(done.count, total))/\(total) resources, \(Int(Date().timeIntervalSince(start))) s, \(current?.status ?? (deleting ? "DELETE_COMPLETE" : "not visible yet"))"
            )
            // A read that may be stale is waited out for a while, never for ever.
            let mayBeStale = Date().timeIntervalSince(start) < Self.maximumStaleness
            guard let current else {
                if deleting { return Outcome(status: "DELETE_COMPLETE", events: seen) }
                if !mayBeStale { return Outcome(status: "NOT_FOUND", events: seen) }
                await pauseBeforeNextPoll()
                continue
            }
            // The status from before the operation is stale until the stack's own event for it has been seen
            // (events may arrive before DescribeStacks catches up).
            let confirmed = seen.contains { $0.resourceType == "AWS::CloudFormation::Stack" && $0.status == current.status }
            let isStale = current.status == "REVIEW_IN_PROGRESS" || (current.status == before && !confirmed)
            let isUnderWay = current.status.hasSuffix("_IN_PROGRESS") && current.status != "REVIEW_IN_PROGRESS"
            if !isUnderWay, !(isStale && mayBeStale) { return Outcome(status: current.status, events: seen) }
            await pauseBeforeNextPoll()
        }
    }

    private func pauseBeforeNextPoll() async {
        try? await Task.sleep(nanoseconds: UInt64(pause * 1_000_000_000))
    }
}

/// Whether the user asked to stop (Ctrl-C): set from a signal handler, read by the deployment between steps.
public final class Interruption: Sendable {
    private let flag = Atomic<Bool>(false)

    /// An interruption that has not happened.
    public init() {}

    /// Marks the interruption.
    public func interrupt() { flag.store(true, ordering: .sequentiallyConsistent) }

    /// Whether it happened.
    public var happened: Bool { flag.load(ordering: .sequentiallyConsistent) }
}
