import FormworkCore
import FormworkL1
import OrderedCollections

/// Whether a pipe waits for a function or state machine it invokes.
public enum PipeInvocation: String, Sendable {
    /// Wait for the result (synchronous; a state machine must be `EXPRESS`).
    case requestResponse = "REQUEST_RESPONSE"
    /// Start it and go on (asynchronous).
    case fireAndForget = "FIRE_AND_FORGET"
}

/// Where a pipe delivers events, with CDK's `aws_pipes_targets` grants and parameters: any
/// ``PipeTargetDestination``, made by the factories each one's service adds (`.function(_:)`, `.queue(_:)`,
/// `.topic(_:)`, `.stateMachine(_:)`, `.eventBus(_:)`, `.stream(_:partitionKey:)`, `.apiDestination(_:)`).
public struct PipeTarget: Sendable {
    /// Where the events go, and how.
    public var destination: any PipeTargetDestination
    /// What each event is turned into before delivery; `nil` (the default) delivers the event as it is.
    public var input: PipeInput?

    /// Delivers to `destination`, each event shaped by `input` when given.
    public init(_ destination: some PipeTargetDestination, input: PipeInput? = nil) {
        self.destination = destination
        self.input = input
    }

    /// The `TargetParameters` property: the destination's members and the input template.
    func parameters(
        _ binding: IntegrationBinding<CfnPipes.Pipe.PipeTargetParameters>, at scope: ConstructScope
    ) throws(SynthesisError) -> CfnPipes.Pipe.PipeTargetParameters {
        var parameters = binding.parameters
        if let input { parameters.inputTemplate = .string(try input.template(at: scope)) }
        return parameters
    }
}
