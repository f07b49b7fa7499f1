import FormworkChecks
import FormworkCore
import FormworkSchema
import FormworkTemplate
import Testing

/// What synthesis and the checks say about a stack, by construct path: validation warnings and the
/// Well-Architected findings, to assert on (CDK's `assertions.Annotations`).
///
/// `path` arguments name a construct (`ShopOrders/OrderIntake/Queue`): a message about it or anything
/// below it matches; `*` in a path stands for any characters, and `"*"` (the default) for any construct.
/// Messages are matched with a ``Match``: a string literal matches exactly, `.stringLike(...)` a part.
///
/// ```swift
/// let annotations = try StackTemplate(of: "ShopOrders", in: ShopApp.app).annotations
/// annotations.hasNoWarning()
/// annotations.hasInfo(at: "ShopOrders/Booking/*", rule: "lambda-dead-letter")
/// ```
public struct Annotations: Sendable {
    /// One message about one construct.
    public struct Message: Sendable, Equatable, CustomStringConvertible {
        /// How serious it is.
        public enum Level: String, Sendable, CaseIterable {
            /// The levels, most serious first:
            /// - `error`: a validation error (CloudFormation would reject the template), or a check finding of severity `error`.
            /// - `warning`: a validation warning, or a check finding of severity `warning`.
            /// - `info`: a check finding of severity `info`; validation has none.
            case error, warning, info
        }

        /// How serious it is.
        public var level: Level
        /// The rule that said it: a check (`sqs-dead-letter-queue`) or a validation rule.
        public var rule: String
        /// The construct path of the resource it is about; the stack's name when it is about no resource.
        public var constructPath: String
        /// The logical ID of the resource it is about.
        public var logicalId: String?
        /// What it says, with what to change.
        public var text: String

        /// The message as `synth` prints it: `warning[rule]: path (logicalId): text`.
        public var description: String {
            "\(level.rawValue)[\(rule)]: \(constructPath)\(logicalId.map { " (\($0))" } ?? ""): \(text)"
        }
    }

    /// Every message, validation first, then the checks' findings in template order.
    public let messages: [Message]

    /// The messages about `template`: its validation issues that do not stop a synthesis, and the checks'
    /// findings (suppressed ones left out, as `synth` leaves them out).
    public init(of template: StackTemplate) {
        let stack = template.artifact?.name ?? "template"
        func path(_ logicalId: String?) -> String {
            logicalId.flatMap(template.constructPath(of:)) ?? logicalId ?? stack
        }
        var messages: [Message] = []
        for issue in TemplateValidator().validate(template.template) {
            let level: Message.Level = issue.severity == .error ? .error : .warning
            let location = issue.pathInEntry.isEmpty ? "" : "\(issue.pathInEntry): "
            messages.append(
                Message(
                    level: level, rule: issue.rule, constructPath: path(issue.logicalId), logicalId: issue.logicalId,
                    text: location + issue.message))
        }
        for finding in Checker().check(template.template) {
            let level: Message.Level =
                switch finding.severity {
                case .error: .error
                case .warning: .warning
                case .info: .info
                }
            messages.append(
                Message(
                    level: level, rule: finding.rule, constructPath: path(finding.logicalId), logicalId: finding.logicalId,
                    text: "\(finding.message) \(finding.fix)"))
        }
        self.messages = messages
    }

    /// The messages of `level` about the construct at `path` (or below it), of `rule` when given, whose text
    /// matches `text`.
    ///
    /// ```swift
    /// let findings = annotations.find(.warning, at: "ShopOrders/Fulfilment/*")
    /// ```
    public func find(_ level: Message.Level, at path: String = "*", rule: String? = nil, _ text: Match = .anyValue) -> [Message] {
        let evaluation = MatchEvaluation(references: nil)
        return messages.filter { message in
            message.level == level && (rule == nil || message.rule == rule) && Self.path(message.constructPath, isAtOrBelow: path)
                && evaluation.result(of: text, against: .string(message.text)).isSuccess
        }
    }

    /// The errors about `path` whose text matches `text` (CDK's `findError`).
    ///
    /// ```swift
    /// #expect(annotations.findError(rule: "iam-wildcard-action").map(\.constructPath) == ["Open/Policy"])
    /// ```
    public func findError(at path: String = "*", rule: String? = nil, _ text: Match = .anyValue) -> [Message] {
        find(.error, at: path, rule: rule, text)
    }

    /// The warnings about `path` whose text matches `text` (CDK's `findWarning`).
    ///
    /// ```swift
    /// #expect(annotations.findWarning(at: "S/Team").count == 1)
    /// ```
    public func findWarning(at path: String = "*", rule: String? = nil, _ text: Match = .anyValue) -> [Message] {
        find(.warning, at: path, rule: rule, text)
    }

    /// The infos about `path` whose text matches `text` (CDK's `findInfo`).
    ///
    /// ```swift
    /// let untimed = annotations.findInfo(rule: "lambda-default-timeout")
    /// ```
    public func findInfo(at path: String = "*", rule: String? = nil, _ text: Match = .anyValue) -> [Message] {
        find(.info, at: path, rule: rule, text)
    }

    /// Asserts that there is an error about `path` matching `text` (CDK's `hasError`).
    ///
    /// ```swift
    /// annotations.hasError(at: "Open/Policy", rule: "iam-wildcard-action")
    /// ```
    public func hasError(at path: String = "*", rule: String? = nil, _ text: Match = .anyValue, sourceLocation: SourceLocation = #_sourceLocation) {
        expect(.error, at: path, rule: rule, text, present: true, sourceLocation)
    }

    /// Asserts that there is no error about `path` matching `text` (CDK's `hasNoError`).
    ///
    /// ```swift
    /// annotations.hasNoError()   // anywhere in the stack
    /// ```
    public func hasNoError(at path: String = "*", rule: String? = nil, _ text: Match = .anyValue, sourceLocation: SourceLocation = #_sourceLocation) {
        expect(.error, at: path, rule: rule, text, present: false, sourceLocation)
    }

    /// Asserts that there is a warning about `path` matching `text` (CDK's `hasWarning`).
    ///
    /// ```swift
    /// annotations.hasWarning(at: "S/Orders", rule: "sqs-dead-letter-queue")
    /// ```
    public func hasWarning(at path: String = "*", rule: String? = nil, _ text: Match = .anyValue, sourceLocation: SourceLocation = #_sourceLocation) {
        expect(.warning, at: path, rule: rule, text, present: true, sourceLocation)
    }

    /// Asserts that there is no warning about `path` matching `text` (CDK's `hasNoWarning`).
    ///
    /// ```swift
    /// annotations.hasNoWarning()   // anywhere in the stack
    /// ```
    public func hasNoWarning(at path: String = "*", rule: String? = nil, _ text: Match = .anyValue, sourceLocation: SourceLocation = #_sourceLocation) {
        expect(.warning, at: path, rule: rule, text, present: false, sourceLocation)
    }

    /// Asserts that there is an info about `path` matching `text` (CDK's `hasInfo`).
    ///
    /// ```swift
    /// annotations.hasInfo(at: "S/Worker", rule: "lambda-default-memory")
    /// ```
    public func hasInfo(at path: String = "*", rule: String? = nil, _ text: Match = .anyValue, sourceLocation: SourceLocation = #_sourceLocation) {
        expect(.info, at: path, rule: rule, text, present: true, sourceLocation)
    }

    /// Asserts that there is no info about `path` matching `text` (CDK's `hasNoInfo`).
    ///
    /// ```swift
    /// annotations.hasNoInfo(at: "S/Worker", rule: "lambda-default-timeout", .stringLike("timeout"))
    /// ```
    public func hasNoInfo(at path: String = "*", rule: String? = nil, _ text: Match = .anyValue, sourceLocation: SourceLocation = #_sourceLocation) {
        expect(.info, at: path, rule: rule, text, present: false, sourceLocation)
    }

    private func expect(_ level: Message.Level, at path: String, rule: String?, _ text: Match, present: Bool, _ sourceLocation: SourceLocation) {
        let found = find(level, at: path, rule: rule, text)
        let what = "\(level.rawValue)\(rule.map { "[\($0)]" } ?? "") at \(path == "*" ? "any construct" : path)"
        if present, found.isEmpty {
            let others = messages.filter { $0.level == level }
            let shown = others.prefix(5).map { "  \($0)" }.joined(separator: "\n")
            AssertionFailure.record(
                "Expected \(level == .warning ? "a" : "an") \(what) matching the text given, found none"
                    + (others.isEmpty
                        ? "; the stack has no \(level.rawValue) at all." : ". The stack's \(level.rawValue)s:\n\(shown)\(others.count > 5 ? "\n  …" : "")"),
                at: sourceLocation)
        } else if !present, !found.isEmpty {
            AssertionFailure.record(
                "Expected no \(what) matching the text given, found \(found.count):\n"
                    + found.prefix(5).map { "  \($0)" }.joined(separator: "\n"), at: sourceLocation)
        }
    }

    /// Whether `constructPath` is `path`, below it, or matches it as a pattern with `*`.
    static func path(_ constructPath: String, isAtOrBelow path: String) -> Bool {
        StackTemplate.glob(path, matches: constructPath) || constructPath.hasPrefix(path + "/")
            || (path.contains("*") && StackTemplate.glob(path + "/*", matches: constructPath))
    }
}

extension StackTemplate {
    /// The validation warnings and check findings of this stack, by construct path (CDK's
    /// `Annotations.fromStack`).
    public var annotations: Annotations {
        Annotations(of: self)
    }
}
