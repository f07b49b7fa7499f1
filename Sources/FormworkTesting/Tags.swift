import FormworkTemplate
import OrderedCollections
import Testing

/// The tags of a synthesized stack, as the cloud assembly's manifest gives them to CloudFormation (CDK's
/// `assertions.Tags`).
///
/// ```swift
/// let orders = try StackTemplate(of: "ShopOrders", in: ShopApp.app)
/// orders.tags.hasValues(["app": "shop"])
/// ```
public struct Tags: Sendable {
    /// Every stack tag, by key (CDK's `all()`).
    public let all: OrderedDictionary<String, String>

    /// The stack tags of `template`; none for a template read from text.
    public init(of template: StackTemplate) {
        self.all = template.artifact?.tags ?? [:]
    }

    /// Asserts that the tags match `pattern`: an object literal matches the keys it names (and allows
    /// others); `.objectEquals([...])` asks for exactly those.
    ///
    /// ```swift
    /// template.tags.hasValues(["team": "orders", "cost-center": .stringLike("^cc-")])
    /// ```
    public func hasValues(_ pattern: Match, sourceLocation: SourceLocation = #_sourceLocation) {
        let json = JSONValue.object(all.mapValues { .string($0) })
        let result = MatchEvaluation(references: nil).result(of: pattern, against: json)
        guard !result.isSuccess else { return result.finished() }
        AssertionFailure.record(
            "The stack's tags do not match; they differ in \(result.failCount) place\(result.failCount == 1 ? "" : "s"):\n\(result.renderMismatch())",
            at: sourceLocation)
    }

    /// Asserts that the stack has no tags.
    ///
    /// ```swift
    /// try StackTemplate(of: Stack("Scratch") { Queue("Q") }).tags.hasNone()
    /// ```
    public func hasNone(sourceLocation: SourceLocation = #_sourceLocation) {
        guard !all.isEmpty else { return }
        AssertionFailure.record("Expected no stack tags, found \(all.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))", at: sourceLocation)
    }
}

extension StackTemplate {
    /// The stack's tags (CDK's `Tags.fromStack`).
    public var tags: Tags {
        Tags(of: self)
    }
}
