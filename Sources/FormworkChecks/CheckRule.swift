import FormworkTemplate

/// A Well-Architected rule over a whole template: what it asks for, why, how to meet it in Formwork, what
/// the same rule is called in the linters teams already run, and the findings it makes.
///
/// Rules are values with a static handle each (`CheckRule.lambdaTracing`), which is how Swift code names
/// one to suppress it.
public struct CheckRule: Sendable, Identifiable {
    /// The rule's stable id, such as `lambda-tracing`.
    public let id: String
    /// What the rule asks for, in one sentence.
    public let summary: String
    /// The Well-Architected pillar it belongs to.
    public let pillar: String
    /// The severity of its findings.
    public let severity: Finding.Severity
    /// The same rule in other tools: serverless-rules ids (`WS1000`) and cdk-nag ids
    /// (`Serverless-LambdaTracing`), so a team can map its suppressions.
    public let equivalents: [String]
    /// Why it matters.
    public let rationale: String
    /// How to meet it with Formwork's constructs.
    public let remedy: String
    /// The findings of the rule in a template.
    public let evaluate: @Sendable (CheckedTemplate) -> [Finding]

    /// A rule with the given id, documentation and evaluation; `equivalents` defaults to none. The findings
    /// `evaluate` returns should carry this rule's `id` and, unless the rule grades them itself, its severity.
    public init(
        id: String, summary: String, pillar: String, severity: Finding.Severity, equivalents: [String] = [],
        rationale: String, remedy: String, evaluate: @escaping @Sendable (CheckedTemplate) -> [Finding]
    ) {
        self.id = id
        self.summary = summary
        self.pillar = pillar
        self.severity = severity
        self.equivalents = equivalents
        self.rationale = rationale
        self.remedy = remedy
        self.evaluate = evaluate
    }

    /// A finding of this rule on `logicalId`, at the rule's severity, with the rule's remedy.
    func finding(_ logicalId: String, _ message: String, fix: String? = nil) -> Finding {
        Finding(rule: id, severity: severity, logicalId: logicalId, message: message, fix: fix ?? remedy)
    }
}

/// Runs a set of rules over templates, honouring the suppressions the templates carry.
public struct Checker: Sendable {
    /// The rules it runs, each over every template; by default ``ServerlessRules/all``.
    public var rules: [CheckRule]

    /// A checker of the serverless Well-Architected rules.
    public init(rules: [CheckRule] = ServerlessRules.all) {
        self.rules = rules
    }

    /// Every finding of every rule that no suppression covers, and a warning for each suppression that
    /// covered nothing; errors first, then by logical ID.
    public func check(_ template: Template) -> [Finding] {
        let suppressions = Suppressions(template)
        let checked = CheckedTemplate(template)
        var findings = rules.flatMap { $0.evaluate(checked) }
        findings = suppressions.applied(to: findings, rules: rules)
        return findings.sorted { ($0.severity, $0.logicalId, $0.rule) < ($1.severity, $1.logicalId, $1.rule) }
    }
}
