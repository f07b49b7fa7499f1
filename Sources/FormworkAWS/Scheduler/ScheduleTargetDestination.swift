import FormworkCore
import OrderedCollections

/// Something an EventBridge Scheduler schedule can invoke (CDK's `IScheduleTarget`, the classes of
/// `aws_scheduler_targets`). Each kind conforms in its own service's folder, saying what the schedule's `Target`
/// holds and what Scheduler's role may do there; a new kind of target is a new conformance, not a change to
/// ``SchedulerTarget``.
///
/// ```swift
/// extension Stream: ScheduleTargetDestination {
///     public func scheduleTarget(at scope: ConstructScope) throws(SynthesisError) -> ScheduleTargetConfiguration {
///         ScheduleTargetConfiguration(invoking: self, arn: arn, statement: writeStatement)
///     }
/// }
/// ```
public protocol ScheduleTargetDestination: Sendable {
    /// What the schedule at `scope` writes and grants to invoke this destination; throws when the destination
    /// cannot be invoked as configured (a FIFO queue without a message group). Called once per schedule, while it
    /// expands.
    func scheduleTarget(at scope: ConstructScope) throws(SynthesisError) -> ScheduleTargetConfiguration
}

/// How a schedule invokes a destination: the construct and its ARN, the statement Scheduler's role is allowed,
/// and the target's own parameters.
public struct ScheduleTargetConfiguration: Sendable {
    /// The construct invoked: the schedule depends on it, and its role is named from its ARN as CDK resolves it.
    public var invoked: any IdentifiedConstruct
    /// The target's `Arn`: a `Ref` or `Fn::GetAtt` of the invoked construct's resource.
    public var arn: Value
    /// What Scheduler's role may do on the destination, as CDK grants it.
    public var statement: PolicyStatement
    /// Members of `Target` for this kind of destination (`SqsParameters`); none by default.
    public var parameters: OrderedDictionary<String, Value>

    /// Invokes `invoked` at `arn`, allowing the role `statement`, with `parameters` in the target (none by default).
    public init(invoking invoked: any IdentifiedConstruct, arn: Value, statement: PolicyStatement, parameters: OrderedDictionary<String, Value> = [:]) {
        self.invoked = invoked
        self.arn = arn
        self.statement = statement
        self.parameters = parameters
    }
}
