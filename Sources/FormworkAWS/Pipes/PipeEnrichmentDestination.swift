import FormworkCore

/// Something a pipe can call to enrich each batch before its target (CDK's `IEnrichment`, the classes of
/// `aws_pipes_enrichments`), waiting for its answer. Each kind conforms in its own service's folder and adds its
/// `PipeEnrichment` factory there.
public protocol PipeEnrichmentDestination: Sendable {
    /// What the pipe at `scope` writes (the enrichment's ARN) and grants its role to call it; throws when the pipe
    /// cannot wait for it.
    func pipeEnrichment(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<Void>
}
