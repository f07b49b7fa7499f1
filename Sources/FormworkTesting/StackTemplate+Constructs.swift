import FormworkCore
import FormworkTemplate
import Testing

/// Assertions that find a resource by the construct that declared it, not by type or logical ID: the
/// queue value of the test is the queue of the template.
extension StackTemplate {
    /// The logical ID of the resource `construct` declared (its own, or its default child's `Resource`),
    /// or `nil` when the construct is not in this stack (or the template was read from text).
    ///
    /// ```swift
    /// let queue = Queue("Orders")
    /// let template = try StackTemplate(of: Stack("S") { queue })
    /// #expect(template.logicalId(of: queue) == "Orders4A2E3C1B")
    /// ```
    public func logicalId(of construct: some IdentifiedConstruct) -> String? {
        references?.logicalId(of: construct)
    }

    /// Asserts that the resource `construct` declared matches `pattern` (the whole resource, partially).
    ///
    /// ```swift
    /// template.hasResource(of: table, ["DeletionPolicy": "Retain"])
    /// ```
    public func hasResource(of construct: some IdentifiedConstruct, _ pattern: Match = [:], sourceLocation: SourceLocation = #_sourceLocation) {
        guard let logicalId = declaredResource(of: construct, sourceLocation: sourceLocation) else { return }
        let result = MatchEvaluation(references: references).result(of: pattern, against: json["Resources"]?[logicalId])
        report(result, of: logicalId, sourceLocation: sourceLocation)
    }

    /// Asserts that the resource `construct` declared has `properties`, matched partially.
    ///
    /// ```swift
    /// template.hasResource(of: queue, properties: ["VisibilityTimeout": 180])
    /// ```
    public func hasResource(of construct: some IdentifiedConstruct, properties: Match, sourceLocation: SourceLocation = #_sourceLocation) {
        hasResource(of: construct, withProperties(properties), sourceLocation: sourceLocation)
    }

    private func declaredResource(of construct: some IdentifiedConstruct, sourceLocation: SourceLocation) -> String? {
        if let logicalId = logicalId(of: construct) { return logicalId }
        let reason =
            artifact == nil
            ? "this template was read from text and knows no constructs; use hasResourceProperties with its type"
            : references?.path(of: construct).map { "the construct at \($0) declares no resource of its own or as its Resource child" }
                ?? "the construct '\(construct.id)' is not in the stack \(artifact?.name ?? "")"
        AssertionFailure.record("No resource of '\(construct.id)': \(reason)", at: sourceLocation)
        return nil
    }

    private func report(_ result: MatchResult, of logicalId: String, sourceLocation: SourceLocation) {
        if result.isSuccess {
            result.finished()
            return
        }
        AssertionFailure.record(
            "\(describe(logicalId)) differs in \(result.failCount) place\(result.failCount == 1 ? "" : "s"):\n\(result.renderMismatch())",
            at: sourceLocation)
    }
}
