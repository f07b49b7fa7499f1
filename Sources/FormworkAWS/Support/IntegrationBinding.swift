import FormworkCore
import OrderedCollections

/// How a service reaches a destination on another's behalf — a schedule's or a pipe's target, a pipe's
/// enrichment, a function's invocation record, a stream's failed batch: the construct reached, its ARN, what the
/// acting role is allowed there, and the destination's own parameters. Each integration's protocol
/// (``ScheduleTargetDestination``, ``PipeTargetDestination``, ``PipeEnrichmentDestination``,
/// ``InvocationDestination``, ``FailedRecordDestination``) answers with one.
public struct IntegrationBinding: Sendable {
    /// The construct reached: the integration depends on it (and a schedule names its role from its ARN).
    public var construct: any IdentifiedConstruct
    /// The destination's ARN: a `Ref` or `Fn::GetAtt` of the construct's resource.
    public var arn: Value
    /// What the acting role is allowed on the destination, as CDK grants it.
    public var statements: [PolicyStatement]
    /// Members the integration writes for this kind of destination (`SqsParameters` of a schedule's target,
    /// `KinesisStreamParameters` of a pipe's); none by default.
    public var parameters: OrderedDictionary<String, Value>

    /// Reaches `construct` at `arn`, the acting role allowed `statements`, with `parameters` (none by default).
    public init(
        to construct: any IdentifiedConstruct, arn: Value, statements: [PolicyStatement], parameters: OrderedDictionary<String, Value> = [:]
    ) {
        self.construct = construct
        self.arn = arn
        self.statements = statements
        self.parameters = parameters
    }
}
