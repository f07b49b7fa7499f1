import FormworkCore
import FormworkL1

/// Something a pipe can deliver to (CDK's `IPipe` target, the classes of `aws_pipes_targets`). Each kind conforms
/// in its own service's folder and adds its `PipeTarget` factory there; a new kind of target is a new conformance,
/// not a change to ``PipeTarget`` or ``Pipe``.
///
/// ```swift
/// struct FirehosePipeTarget: PipeTargetDestination {
///     var stream: DeliveryStream
///     func pipeTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeTargetParameters> {
///         IntegrationBinding(to: stream, arn: stream.arn, statements: [stream.putRecordStatement])
///     }
/// }
/// ```
public protocol PipeTargetDestination: Sendable {
    /// What the pipe at `scope` writes (the target's ARN, its members of `TargetParameters`) and grants its role
    /// to deliver here; throws when the destination cannot take a pipe's events as configured. Called once per
    /// pipe, while it expands.
    func pipeTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeTargetParameters>
}
