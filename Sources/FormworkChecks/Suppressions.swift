import FormworkTemplate

/// The suppressions a template carries, in the metadata of its resources and of the template:
///
/// - Formwork's own, written by a construct's `suppress(_:reason:)`:
///   `"Metadata": {"formwork": {"suppress": [{"rule": "lambda-tracing", "reason": "..."}]}}`;
/// - cdk-nag's: `"Metadata": {"cdk_nag": {"rules_to_suppress": [{"id": "Serverless-LambdaTracing", "reason": "..."}]}}`;
/// - cfn-lint's: `"Metadata": {"cfn-lint": {"config": {"ignore_checks": ["WS1000"]}}}`, on a resource or on
///   the whole template.
///
/// Ids of other tools name the Formwork rules that list them as equivalents, so suppressions a team wrote
/// for those tools keep working. A suppression that covers no finding is reported (`unused-suppression`),
/// so that stale ones do not hide the next real finding.
struct Suppressions {
    /// One suppression: which rules, on which resource (`nil`: the whole template), why, and where it came from.
    struct Entry {
        let name: String
        let rules: Set<String>
        let logicalId: String?
        let reason: String?
    }

    private(set) var entries: [Entry] = []

    init(_ template: Template) {
        entries += Self.cfnLint(template.metadata["cfn-lint"], logicalId: nil)
        for (logicalId, resource) in template.resources {
            guard let metadata = resource.metadata?.objectValue else { continue }
            for entry in metadata["formwork"]?["suppress"].map(JSONValue.list) ?? [] {
                entries.append(Self.entry(named: entry["rule"]?.stringValue, reason: entry["reason"]?.stringValue, logicalId: logicalId))
            }
            for entry in metadata["cdk_nag"]?["rules_to_suppress"].map(JSONValue.list) ?? [] {
                entries.append(Self.entry(named: entry["id"]?.stringValue, reason: entry["reason"]?.stringValue, logicalId: logicalId))
            }
            entries += Self.cfnLint(metadata["cfn-lint"], logicalId: logicalId)
        }
    }

    private static func cfnLint(_ metadata: JSONValue?, logicalId: String?) -> [Entry] {
        (metadata?["config"]?["ignore_checks"]?.strings ?? []).map { entry(named: $0, reason: nil, logicalId: logicalId) }
    }

    private static func entry(named name: String?, reason: String?, logicalId: String) -> Entry {
        entry(named: name, reason: reason, logicalId: Optional(logicalId))
    }

    private static func entry(named name: String?, reason: String?, logicalId: String?) -> Entry {
        let name = name ?? ""
        return Entry(name: name, rules: Set(ServerlessRules.rules(named: name).map(\.id)), logicalId: logicalId, reason: reason)
    }

    /// `findings` without those a suppression covers, plus a warning for each suppression of a Formwork rule
    /// (or of an id with an equivalent among `rules`) that covered none.
    ///
    /// A suppression listed on a construct is written to each of its resources, and most of them are not of
    /// a type the rule looks at: entries of one rule with the same reason are one suppression, used when any
    /// of them covers a finding, and reported once, at its first resource, when none does.
    func applied(to findings: [Finding], rules: [CheckRule]) -> [Finding] {
        guard !entries.isEmpty else { return findings }
        let checked = Set(rules.map(\.id))
        var firstOfReason: [[String]: Int] = [:]
        let group = entries.indices.map { index in
            guard let reason = entries[index].reason else { return index }
            let key = [entries[index].name, reason]
            if let first = firstOfReason[key] { return first }
            firstOfReason[key] = index
            return index
        }
        var used = [Bool](repeating: false, count: entries.count)
        var kept: [Finding] = []
        for finding in findings {
            let covering = entries.indices.filter {
                entries[$0].rules.contains(finding.rule) && (entries[$0].logicalId == nil || entries[$0].logicalId == finding.logicalId)
            }
            if covering.isEmpty { kept.append(finding) } else { covering.forEach { used[group[$0]] = true } }
        }
        for (index, entry) in entries.enumerated() where group[index] == index && !used[index] && !entry.rules.isDisjoint(with: checked) {
            kept.append(
                Finding(
                    rule: "unused-suppression", severity: .warning, logicalId: entry.logicalId ?? "Metadata",
                    message: "the suppression of \(entry.name) covers no finding; the resource meets the rule now.",
                    fix: "Remove the suppression, so that it does not hide a future finding."))
        }
        return kept
    }
}
