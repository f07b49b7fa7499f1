/// One finding of a Well-Architected check: which rule, how serious, where, and what to do.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        /// Against the guidance; `check --strict` fails on it.
        case error
        /// Usually a mistake; worth a look.
        case warning
        /// Good to know.
        case info

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.error, .warning, .info]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// The rule's stable id, such as `sqs-dead-letter-queue`.
    public var rule: String
    /// How serious it is: the rule's severity, except where a rule grades a finding itself (a deprecated
    /// runtime is an `error`); `warning` for an unused suppression.
    public var severity: Severity
    /// The logical ID of the resource the finding is about.
    public var logicalId: String
    /// What is wrong with the resource, in one sentence that starts in lower case (the rule and logical ID
    /// lead the line it is printed on).
    public var message: String
    /// What to change.
    public var fix: String

    /// A finding of `rule` on the resource `logicalId`, with its message and what to change.
    public init(rule: String, severity: Severity, logicalId: String, message: String, fix: String) {
        self.rule = rule
        self.severity = severity
        self.logicalId = logicalId
        self.message = message
        self.fix = fix
    }

    /// The same rule in other tools (serverless-rules, cdk-nag), from the rule's definition.
    public var equivalents: [String] {
        ServerlessRules.rule(withID: rule)?.equivalents ?? []
    }

    public var description: String {
        "\(severity.rawValue)[\(rule)]: \(logicalId): \(message) \(fix)"
    }

    /// The finding as one line that leads with the construct the resource came from, its logical ID second:
    /// `warning[sqs-dead-letter-queue]: Orders/Intake/Queue/Resource (IntakeQueue1A2B3C4D): …`. Without a
    /// construct path (a template read from a file), the line is ``description``.
    public func description(constructPath: String?) -> String {
        guard let constructPath else { return description }
        return "\(severity.rawValue)[\(rule)]: \(constructPath) (\(logicalId)): \(message) \(fix)"
    }
}
