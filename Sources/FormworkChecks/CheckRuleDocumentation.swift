/// The documentation of the rules, written from their definitions: one page per rule and an index table.
/// `formwork check --explain RULE` prints a page, `formwork check --list --format markdown` the index; the
/// files under `Docs/checks/` are these, kept equal by a test.
extension CheckRule {
    /// The rule's page: what it asks, why (with its pillar), how to meet it in Formwork, how to suppress it,
    /// and its equivalents in other tools.
    public var documentation: String {
        var page = """
            # `\(id)`: \(summary)

            | severity | pillar | equivalents |
            |---|---|---|
            | \(severity.rawValue) | \(pillar) | \(equivalents.isEmpty ? "—" : equivalents.map { "`\($0)`" }.joined(separator: ", ")) |

            ## Why

            \(rationale)

            ## How to fix it in Formwork

            \(remedy)

            ## Suppressing it

            In Swift, on a construct: `construct.suppress(.\(handle), reason: "...")` (or `Suppression(.\(handle), reason: "...")` for a \
            whole scope). In a template, on the resource: `"Metadata": {"formwork": {"suppress": [{"rule": "\(id)", "reason": "..."}]}}`.
            """
        if !equivalents.isEmpty {
            page +=
                " Suppressions written for the equivalent rules of cfn-lint (`cfn-lint.config.ignore_checks`) and cdk-nag (`cdk_nag.rules_to_suppress`) apply too."
        }
        return page + "\n"
    }

    /// The Swift name of the rule's static handle, `functionTracing` for `lambda-tracing`.
    public var handle: String {
        ServerlessRules.handles[id] ?? id
    }
}

extension ServerlessRules {
    /// The index of the rules as a Markdown table, linking each page.
    public static var documentationIndex: String {
        var lines = [
            "# Check rules",
            "",
            "Generated from the rule definitions (`formwork check --list --format markdown`); one page per rule.",
            "",
            "| rule | what it asks | severity | pillar | equivalents |",
            "|---|---|---|---|---|",
        ]
        for rule in all {
            let equivalents = rule.equivalents.isEmpty ? "—" : rule.equivalents.map { "`\($0)`" }.joined(separator: ", ")
            lines.append("| [`\(rule.id)`](\(rule.id).md) | \(rule.summary) | \(rule.severity.rawValue) | \(rule.pillar) | \(equivalents) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
