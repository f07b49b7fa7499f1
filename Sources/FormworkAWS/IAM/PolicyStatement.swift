import FormworkCore
import FormworkTemplate

/// One statement of an IAM policy document.
///
/// ```swift
/// PolicyStatement(actions: ["sqs:SendMessage"], resources: [queue.arn])
/// ```
public struct PolicyStatement: Sendable, Equatable {
    /// `Allow` or `Deny`.
    public enum Effect: String, Sendable {
        /// The statement grants the actions (`Allow`).
        case allow = "Allow"
        /// The statement refuses the actions, over any `Allow` (`Deny`).
        case deny = "Deny"
    }

    /// Whether the statement allows or denies (`Effect`); ``Effect/allow`` unless given.
    public var effect: Effect
    /// The actions the statement covers (`Action`), as `service:Action`, wildcards allowed (`s3:Get*`); written as
    /// a single string when there is one.
    public var actions: [String]
    /// Resources; an entry `{"Ref": "AWS::NoValue"}` is left out of the rendered list but keeps it a list,
    /// as CDK's table grants do.
    public var resources: [Value]
    /// `Principal`, for resource policies.
    public var principal: Value?
    /// `Condition`.
    public var condition: Value?
    /// `Sid`, the statement's id within its policy.
    public var sid: String?

    /// A statement allowing (by default) `actions` on `resources`.
    public init(
        sid: String? = nil, effect: Effect = .allow, actions: [String], resources: [Value] = [], principal: Value? = nil,
        condition: Value? = nil
    ) {
        self.sid = sid
        self.effect = effect
        self.actions = actions
        self.resources = resources
        self.principal = principal
        self.condition = condition
    }

    /// The statement as CDK renders it: keys `Action, Condition, Effect, Principal, Resource, Sid`; a list of
    /// one becomes its element.
    public var value: Value {
        // Keys added in their (alphabetical) order, each once: no lookup per key.
        var members = TemplateObjectBuilder(capacity: 6)
        members.add("Action", Self.collapsed(actions.map { .string($0) }))
        members.add("Condition", condition)
        members.add("Effect", .string(effect.rawValue))
        members.add("Principal", principal)
        if !resources.isEmpty {
            let kept = resources.filter { $0 != Aws.noValue }
            members.add("Resource", kept.count < resources.count ? .array(kept) : Self.collapsed(kept))
        }
        members.add("Sid", sid.map { .string($0) })
        return .object(members.members)
    }

    private static func collapsed(_ values: [Value]) -> Value {
        values.count == 1 ? values[0] : .array(values)
    }
}

/// An IAM policy document: `{"Statement": [...], "Version": "2012-10-17"}`.
public struct PolicyDocument: Sendable, Equatable {
    /// The statements, in order, without exact duplicates (and merged, when the document was made minimizing).
    public var statements: [PolicyStatement]

    /// A document of `statements`, in order; exact duplicates are kept once. With `minimizing` (CDK's
    /// `minimizePolicies` flag; off by default), statements that can be merged are (see `PolicyMinimizing`).
    /// With `numberingStatements`, a statement without a `Sid` gets its position (`"0"`, `"1"`, ...), as CDK
    /// numbers the statements of a topic policy.
    public init(_ statements: [PolicyStatement], numberingStatements: Bool = false, minimizing: Bool = false) {
        var unique: [PolicyStatement] = []
        for statement in statements where !unique.contains(statement) { unique.append(statement) }
        if minimizing { unique = PolicyMinimizing.merged(unique) }
        if numberingStatements {
            for index in unique.indices where unique[index].sid == nil { unique[index].sid = String(index) }
        }
        self.statements = unique
    }

    /// The document as written to a template: `{"Statement": [...], "Version": "2012-10-17"}`.
    public var value: Value {
        ["Statement": .array(statements.map(\.value)), "Version": "2012-10-17"]
    }
}
