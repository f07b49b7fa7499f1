import FormworkTemplate

/// Renders a diff for a terminal or a CI log: a one-line summary per stack, then the resources as a
/// `[+]/[-]/[~]` tree with impact words, then the other sections. Colour is optional (off with `NO_COLOR`
/// or when output is piped; the caller decides).
public struct DiffTextRenderer: Sendable {
    /// Whether markers, impact words and headings are coloured with ANSI escape codes; off by default.
    public var colored: Bool
    /// Values longer than this are cut, with `…`.
    public var maximumValueLength: Int

    /// A renderer, uncoloured and cutting values at 160 characters unless told otherwise.
    public init(colored: Bool = false, maximumValueLength: Int = 160) {
        self.colored = colored
        self.maximumValueLength = maximumValueLength
    }

    /// `Stack S: 1 to replace, 2 to update`, or `Stack S: no differences`.
    public static func summary(_ name: String, _ diff: TemplateDiff) -> String {
        let parts: [(ResourceChange.Action, String)] = [
            (.add, "to add"), (.update, "to update"), (.replace, "to replace"), (.mayReplace, "may be replaced"),
            (.destroy, "to destroy"), (.orphan, "to orphan"),
        ]
        let counts = parts.compactMap { action, words in diff.count(of: action) > 0 ? "\(diff.count(of: action)) \(words)" : nil }
        let others = diff.isEmpty || !counts.isEmpty ? [] : ["changes outside resources"]
        return "Stack \(name): " + (diff.isEmpty ? "no differences" : (counts + others).joined(separator: ", "))
    }

    /// The diff of stack `name`: the summary line, the security changes, the resources, then the other
    /// sections' entries; ends in a line break.
    public func render(_ name: String, _ diff: TemplateDiff) -> String {
        var lines = [paint(Self.summary(name, diff), .bold)]
        lines += securityLines(diff.security, onlyWidening: false)
        if !diff.resources.isEmpty {
            lines.append(paint("Resources", .bold))
            for change in diff.resources { lines += resourceLines(change) }
        }
        let sections: [(String, [EntryChange])] = [
            ("Template", diff.header), ("Parameters", diff.parameters), ("Mappings", diff.mappings),
            ("Conditions", diff.conditions), ("Outputs", diff.outputs), ("Rules", diff.rules), ("Metadata", diff.metadata),
        ]
        for (title, entries) in sections where !entries.isEmpty {
            lines.append(paint(title, .bold))
            for entry in entries {
                switch entry.kind {
                case .add: lines.append("\(paint("[+]", .green)) \(entry.name): \(text(entry.new))")
                case .remove: lines.append("\(paint("[-]", .red)) \(entry.name): \(text(entry.old))")
                case .update: lines.append("\(paint("[~]", .yellow)) \(entry.name): \(text(entry.old)) → \(text(entry.new))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Only what widens access: for `--security-only`.
    public func renderSecurity(_ name: String, _ diff: TemplateDiff) -> String {
        let lines = securityLines(diff.security, onlyWidening: true)
        return lines.isEmpty ? "" : ([paint("Stack \(name): access widens", .bold)] + lines).joined(separator: "\n") + "\n"
    }

    private func securityLines(_ security: SecurityChanges, onlyWidening: Bool) -> [String] {
        var lines: [String] = []
        let statements = security.statements.filter { !onlyWidening || $0.widens }
        if !statements.isEmpty {
            lines.append(paint("IAM statement changes", .bold))
            for change in statements {
                let marker = change.kind == .added ? paint("[+]", .green) : paint("[-]", .red)
                let principal = change.principals.isEmpty ? "" : " for \(change.principals.joined(separator: ", "))"
                let condition = change.condition.map { " when \($0)" } ?? ""
                let flags = (change.widens ? " " + paint("(widens access)", .red) : "") + (change.hasWildcard ? " " + paint("(wildcard)", .yellow) : "")
                lines.append(
                    "\(marker) \(change.effect) \(change.actions.joined(separator: ", ")) on \(change.resources.joined(separator: ", "))\(principal)\(condition)\(flags)"
                )
            }
        }
        let policies = security.managedPolicies.filter { !onlyWidening || $0.kind == .added }
        if !policies.isEmpty {
            lines.append(paint("Managed policy changes", .bold))
            for change in policies {
                lines.append("\(change.kind == .added ? paint("[+]", .green) : paint("[-]", .red)) \(change.arn) on \(change.role)")
            }
        }
        let rules = security.securityGroupRules.filter { !onlyWidening || $0.widens }
        if !rules.isEmpty {
            lines.append(paint("Security group changes", .bold))
            for rule in rules {
                lines.append(
                    "\(rule.kind == .added ? paint("[+]", .green) : paint("[-]", .red)) \(rule.group) \(rule.direction) \(rule.protocolName) \(rule.peer)")
            }
        }
        return lines
    }

    private func resourceLines(_ change: ResourceChange) -> [String] {
        let marker: String =
            switch change.action {
            case .add: paint("[+]", .green)
            case .destroy, .orphan: paint("[-]", .red)
            default: paint("[~]", .yellow)
            }
        let impact: String =
            switch change.action {
            case .replace: " " + paint("replace", .red)
            case .mayReplace: " " + paint("may be replaced", .yellow)
            case .destroy: " " + paint("destroy", .red)
            case .orphan: " " + paint("orphan", .yellow)
            case .add, .update: ""
            }
        let typeText =
            change.oldType != nil && change.newType != nil && change.oldType != change.newType
            ? "\(change.oldType ?? "") → \(change.newType ?? "")" : change.type
        var lines = ["\(marker) \(paint(typeText, .cyan)) \(change.logicalId)\(impact)"]
        var details: [String] = []
        for property in change.changes {
            let path = property.path.joined(separator: ".")
            let verdict: String =
                switch property.replacement {
                case .always: " (requires replacement)"
                case .conditional: " (may cause replacement)"
                case .propagated: " (references a replaced resource: \(change.causedBy.joined(separator: ", ")))"
                case .never: ""
                }
            switch (property.old, property.new) {
            case (nil, let new?): details.append("[+] \(path)\(verdict): \(text(new))")
            case (let old?, nil): details.append("[-] \(path)\(verdict): \(text(old))")
            default:
                details.append(
                    property.replacement == .propagated
                        ? "[=] \(path)\(verdict)"
                        : "[~] \(path)\(verdict): \(text(property.old)) → \(text(property.new))")
            }
        }
        details += change.attributeChanges.map { "[~] \($0) (resource attribute)" }
        details += change.notes.map { "(!) \($0)" }
        for (index, detail) in details.enumerated() {
            lines.append((index == details.count - 1 ? " └─ " : " ├─ ") + detail)
        }
        return lines
    }

    private func text(_ value: JSONValue?) -> String {
        guard let value else { return "(none)" }
        let compact = JSONWriter(style: .compact).string(from: value)
        return compact.count > maximumValueLength ? String(compact.prefix(maximumValueLength)) + "…" : compact
    }

    private enum Color: String {
        case bold = "1"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
    }

    private func paint(_ text: String, _ color: Color) -> String {
        colored ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
