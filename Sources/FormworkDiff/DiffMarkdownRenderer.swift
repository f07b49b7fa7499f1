import Foundation

/// Renders diffs for a pull-request comment: a summary table of every stack, then per changed stack the
/// replacements and destructions first (what a reviewer must not miss), the full text diff folded in
/// `<details>`.
public enum DiffMarkdownRenderer {
    /// The Markdown of the diffs of `stacks`, in the order given: a `## Formwork diff` heading, a table of
    /// each stack's resource counts per action, then a section per stack that changes.
    public static func render(_ stacks: [(name: String, diff: TemplateDiff)]) -> String {
        var lines = ["## Formwork diff", "", "| stack | add | update | replace | may replace | destroy | orphan |", "|---|---|---|---|---|---|---|"]
        for (name, diff) in stacks {
            let counts = [ResourceChange.Action.add, .update, .replace, .mayReplace, .destroy, .orphan].map { String(diff.count(of: $0)) }
            lines.append("| `\(name)` | " + counts.joined(separator: " | ") + " |")
        }
        for (name, diff) in stacks where !diff.isEmpty {
            lines += ["", "### `\(name)`", ""]
            let harmful = diff.resources.filter { [.replace, .mayReplace, .destroy, .orphan].contains($0.action) }
            if !harmful.isEmpty {
                lines.append("**Replaced, destroyed or orphaned:**")
                lines.append("")
                for change in harmful {
                    let cause = change.causedBy.isEmpty ? "" : " (because \(change.causedBy.map { "`\($0)`" }.joined(separator: ", ")) is replaced)"
                    lines.append("- **\(change.action.rawValue)** `\(change.logicalId)` (\(change.type))\(cause)")
                    for note in change.notes { lines.append("  - ⚠️ \(note)") }
                }
                lines.append("")
            }
            lines += [
                "<details><summary>Full diff</summary>", "", "```", DiffTextRenderer().render(name, diff).trimmingCharacters(in: .newlines), "```", "",
                "</details>",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
