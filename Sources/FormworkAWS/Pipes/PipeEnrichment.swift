import FormworkCore
import FormworkL1
import OrderedCollections

/// What a pipe calls on each batch before its target, whose answer the target receives (CDK's
/// `aws_pipes_enrichments`): any ``PipeEnrichmentDestination`` — a function (`.function(_:)`), an `EXPRESS`
/// state machine (`.stateMachine(_:)`) — called synchronously.
public struct PipeEnrichment: Sendable {
    /// What is called.
    public var destination: any PipeEnrichmentDestination
    /// What the enrichment is called with instead of the batch; `nil` (the default) passes the batch.
    public var input: PipeInput?

    /// Calls `destination` with the batch, or `input` when given.
    public init(_ destination: some PipeEnrichmentDestination, input: PipeInput? = nil) {
        self.destination = destination
        self.input = input
    }

    /// The `EnrichmentParameters` property: empty unless an input is given, as CDK writes it.
    func parameters(at scope: ConstructScope) throws(SynthesisError) -> CfnPipes.Pipe.PipeEnrichmentParameters {
        CfnPipes.Pipe.PipeEnrichmentParameters(inputTemplate: try input.map { input throws(SynthesisError) in .string(try input.template(at: scope)) })
    }
}
