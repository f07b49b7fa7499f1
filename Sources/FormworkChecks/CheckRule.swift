import FormworkTemplate

/// A Well-Architected rule over a whole template.
public struct CheckRule: Sendable {
    /// The rule's stable id.
    public let id: String
    /// What the rule asks for, in one sentence.
    public let summary: String
    /// The Well-Architected pillar it belongs to.
    public let pillar: String
    /// The findings of the rule in `template`.
    public let evaluate: @Sendable (Template) -> [Finding]

    public init(id: String, summary: String, pillar: String, evaluate: @escaping @Sendable (Template) -> [Finding]) {
        self.id = id
        self.summary = summary
        self.pillar = pillar
        self.evaluate = evaluate
    }
}

/// Runs a set of rules over templates.
public struct Checker: Sendable {
    public var rules: [CheckRule]

    /// A checker of the serverless Well-Architected rules.
    public init(rules: [CheckRule] = ServerlessRules.all) {
        self.rules = rules
    }

    /// Every finding of every rule, errors first, then by logical ID.
    public func check(_ template: Template) -> [Finding] {
        rules.flatMap { $0.evaluate(template) }.sorted { ($0.severity, $0.logicalId, $0.rule) < ($1.severity, $1.logicalId, $1.rule) }
    }
}
