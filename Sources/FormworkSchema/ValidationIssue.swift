/// One problem a validator found in a template: how bad, which rule, where, and what to change.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable {
        /// CloudFormation would reject the template.
        case error
        /// The template deploys, but is close to a limit or likely wrong.
        case warning
    }

    /// How bad the problem is.
    public var severity: Severity
    /// The rule that found it, a stable code: `unknown-property`, `missing-required`, ...
    public var rule: String
    /// Where in the template, from the root: `["Resources", "Queue", "Properties", "DelaySeconds"]`.
    public var path: [String]
    /// What is wrong and how to fix it.
    public var message: String
    /// Other logical IDs involved, such as the members of a dependency cycle.
    public var related: [String] = []

    /// An issue of `rule` at `path`.
    public init(_ severity: Severity, rule: String, path: [String], _ message: String) {
        self.severity = severity
        self.rule = rule
        self.path = path
        self.message = message
    }

    /// The logical ID of the template entry the issue is in, when it is in one.
    public var logicalId: String? { path.count >= 2 ? path[1] : nil }

    /// The path below the entry, dotted: `Properties.DelaySeconds`.
    public var pathInEntry: String { path.dropFirst(2).joined(separator: ".") }

    public var description: String {
        "\(severity.rawValue)[\(rule)]: \(path.joined(separator: ".")): \(message)"
    }
}
