import FormworkCore

/// Something an EventBridge Scheduler schedule can invoke (CDK's `IScheduleTarget`, the classes of
/// `aws_scheduler_targets`). Each kind conforms in its own service's folder, saying what the schedule's `Target`
/// holds and what Scheduler's role may do there; a new kind of target is a new conformance, not a change to
/// ``SchedulerTarget``.
///
/// ```swift
/// extension Stream: ScheduleTargetDestination {
///     public func scheduleTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<ScheduleTargetParameters> {
///         IntegrationBinding(to: self, arn: arn, statements: [writeStatement])
///     }
/// }
/// ```
public protocol ScheduleTargetDestination: Sendable {
    /// What the schedule at `scope` writes and grants to invoke this destination; throws when the destination
    /// cannot be invoked as configured (a FIFO queue without a message group). Called once per schedule, while it
    /// expands.
    func scheduleTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<ScheduleTargetParameters>
}
