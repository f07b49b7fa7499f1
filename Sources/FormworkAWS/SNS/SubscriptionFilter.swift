import FormworkCore
import OrderedCollections

/// The conditions a subscription puts on one message attribute or body field (CDK's `SubscriptionFilter`):
/// a message is delivered when the value meets any of them.
///
/// ```swift
/// topic.subscribe(queue, filterPolicy: .attributes([
///     "color": .string(allowlist: ["red", "green"], matchPrefixes: ["bl"]),
///     "size": .numeric(between: 10...20),
///     "store": .exists,
/// ]))
/// ```
public struct SubscriptionFilter: Sendable, Equatable {
    /// The conditions as SNS reads them, in CDK's order.
    public let conditions: [Value]

    /// The conditions `conditions`, written as SNS reads them.
    public init(conditions: [Value]) {
        self.conditions = conditions
    }

    /// String conditions: exact values, values excluded (`anything-but`), prefixes and suffixes.
    public static func string(
        allowlist: [String] = [], denylist: [String] = [], matchPrefixes: [String] = [],
        matchSuffixes: [String] = []
    ) -> SubscriptionFilter {
        var conditions: [Value] = allowlist.map { .string($0) }
        if !denylist.isEmpty { conditions.append(["anything-but": .array(denylist.map { .string($0) })]) }
        conditions += matchPrefixes.map { ["prefix": .string($0)] }
        conditions += matchSuffixes.map { ["suffix": .string($0)] }
        return SubscriptionFilter(conditions: conditions)
    }

    /// Numeric conditions: exact values, bounds, and ranges (`between` inclusive, `betweenStrict` exclusive).
    public static func numeric(
        allowlist: [Double] = [], greaterThan: Double? = nil, greaterThanOrEqualTo: Double? = nil,
        lessThan: Double? = nil, lessThanOrEqualTo: Double? = nil, between: ClosedRange<Double>? = nil,
        betweenStrict: (start: Double, stop: Double)? = nil
    ) -> SubscriptionFilter {
        var conditions: [Value] = allowlist.map { ["numeric": ["=", .number($0)]] }
        let bounds: [(String, Double?)] = [(">", greaterThan), (">=", greaterThanOrEqualTo), ("<", lessThan), ("<=", lessThanOrEqualTo)]
        for (operation, bound) in bounds {
            if let bound { conditions.append(["numeric": [.string(operation), .number(bound)]]) }
        }
        if let between { conditions.append(["numeric": [">=", .number(between.lowerBound), "<=", .number(between.upperBound)]]) }
        if let betweenStrict { conditions.append(["numeric": [">", .number(betweenStrict.start), "<", .number(betweenStrict.stop)]]) }
        return SubscriptionFilter(conditions: conditions)
    }

    /// The attribute is present.
    public static let exists = SubscriptionFilter(conditions: [["exists": true]])
    /// The attribute is absent.
    public static let notExists = SubscriptionFilter(conditions: [["exists": false]])
}

/// What a subscription delivers: the messages whose attributes, or whose JSON body, match (CDK's
/// `filterPolicy` and `filterPolicyWithMessageBody`).
public enum FilterPolicy: Sendable, Equatable {
    /// Conditions on message attributes, by attribute name.
    case attributes(OrderedDictionary<String, SubscriptionFilter>)
    /// Conditions on the message body, by field, nested as the body is (`FilterPolicyScope: MessageBody`).
    case messageBody(OrderedDictionary<String, BodyFilter>)

    /// A condition on a body field, or conditions on the fields of a nested object.
    public indirect enum BodyFilter: Sendable, Equatable {
        /// A condition on the field's value.
        case filter(SubscriptionFilter)
        /// Conditions on the fields of the object the field holds, nested as in the body.
        case policy(OrderedDictionary<String, BodyFilter>)
    }

    /// `FilterPolicy`.
    var document: Value {
        switch self {
        case .attributes(let filters): .object(filters.mapValues { .array($0.conditions) })
        case .messageBody(let fields): Self.document(of: fields)
        }
    }

    /// `FilterPolicyScope`, written only for a body policy (SNS's default is the attributes).
    var scope: Value? {
        if case .messageBody = self { return "MessageBody" }
        return nil
    }

    private static func document(of fields: OrderedDictionary<String, BodyFilter>) -> Value {
        .object(
            fields.mapValues { field in
                switch field {
                case .filter(let filter): .array(filter.conditions)
                case .policy(let nested): document(of: nested)
                }
            })
    }

    /// Checks SNS's limits as CDK does: at most 5 attributes, and at most 150 combinations of values.
    func validate(at scope: ConstructScope) throws(SynthesisError) {
        guard case .attributes(let filters) = self else { return }
        if filters.count > 5 {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a filter policy can name at most 5 attributes; this one names \(filters.count)")
        }
        let combinations = filters.values.reduce(1) { $0 * max($1.conditions.count, 1) }
        if combinations > 150 {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "a filter policy can have at most 150 combinations of values; this one has \(combinations)")
        }
    }
}
