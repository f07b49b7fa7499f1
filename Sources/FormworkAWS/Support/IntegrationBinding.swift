import FormworkCore

/// How a service reaches a destination on another's behalf — a schedule's or a pipe's target, a pipe's
/// source or enrichment, a function's invocation record, a stream's failed batch: the construct reached, its
/// ARN, what the acting role is allowed there, and the destination's own members of the integration's typed L1
/// (`Parameters`). Each integration's protocol (``ScheduleTargetDestination``, ``PipeEventSource``,
/// ``PipeTargetDestination``, ``PipeEnrichmentDestination``, ``InvocationDestination``,
/// ``FailedRecordDestination``) answers with one.
public struct IntegrationBinding<Parameters: Sendable>: Sendable {
    /// The construct reached: the integration depends on it (and a schedule names its role from its ARN).
    public var construct: any IdentifiedConstruct
    /// The destination's ARN: a `Ref` or `Fn::GetAtt` of the construct's resource.
    public var arn: Value
    /// What the acting role is allowed on the destination, as CDK grants it.
    public var statements: [PolicyStatement]
    /// The members the destination writes for its kind (a pipe target's `CfnPipes.Pipe.PipeTargetParameters` with
    /// its `SqsQueueParameters`, a schedule target's ``ScheduleTargetParameters``); `Void` where the integration
    /// takes none.
    public var parameters: Parameters

    /// Reaches `construct` at `arn`, the acting role allowed `statements`, with `parameters`.
    public init(to construct: any IdentifiedConstruct, arn: Value, statements: [PolicyStatement], parameters: Parameters) {
        self.construct = construct
        self.arn = arn
        self.statements = statements
        self.parameters = parameters
    }
}

extension IntegrationBinding where Parameters == Void {
    /// Reaches `construct` at `arn`, the acting role allowed `statements`; the integration takes no parameters.
    public init(to construct: any IdentifiedConstruct, arn: Value, statements: [PolicyStatement]) {
        self.init(to: construct, arn: arn, statements: statements, parameters: ())
    }
}
