import FormworkCore
import FormworkL1

/// Something a pipe can read events from (CDK's `ISource`, the classes of `aws_pipes_sources`). Each kind conforms in
/// its own service's folder and adds its `PipeSource` factory there; a new kind of source is a new conformance.
public protocol PipeEventSource: Sendable {
    /// What the pipe at `scope` writes (the source's ARN, its members of `SourceParameters`) and grants its role to
    /// read here; throws when the source cannot be read as configured. Called once per pipe, while it expands.
    func pipeSource(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeSourceParameters>
}
