import FormworkCore
import OrderedCollections

/// Which events a rule matches: CloudFormation's `EventPattern`, with typed top-level fields.
///
/// ```swift
/// EventPattern(source: ["orders"], detailType: ["OrderPlaced"],
///              detail: ["total": [.numeric(">", 100)], "coupon": [.exists(false)]])
/// ```
public struct EventPattern: Sendable, Equatable {
    /// The `source` values matched, any of them, such as `aws.s3` or `orders`; the field is left out, matching any source,
    /// when empty (the default).
    public var source: [String]
    /// The `detail-type` values matched, any of them, such as `OrderPlaced`; left out, matching any, when empty (the default).
    public var detailType: [String]
    /// The AWS account ids matched (`account`), any of them; left out, matching any, when empty (the default).
    public var account: [String]
    /// The Regions matched (`region`), such as `eu-west-1`; left out, matching any, when empty (the default).
    public var region: [String]
    /// The ARNs an event must name in its `resources`; left out, matching any, when empty (the default).
    public var resources: [String]
    /// The `detail` pattern: field names to lists of values and matchers.
    public var detail: OrderedDictionary<String, Value>

    /// A pattern matching the fields given; EventBridge refuses a pattern without any field.
    public init(
        source: [String] = [], detailType: [String] = [], account: [String] = [], region: [String] = [],
        resources: [String] = [], detail: OrderedDictionary<String, Value> = [:]
    ) {
        self.source = source
        self.detailType = detailType
        self.account = account
        self.region = region
        self.resources = resources
        self.detail = detail
    }

    /// Whether the pattern has no field at all (which EventBridge rejects).
    var isEmpty: Bool {
        source.isEmpty && detailType.isEmpty && account.isEmpty && region.isEmpty && resources.isEmpty && detail.isEmpty
    }

    /// The pattern as EventBridge reads it (`detailType` written `detail-type`).
    var value: Value {
        var members = OrderedDictionary<String, Value>()
        func strings(_ values: [String]) -> Value { .array(values.map { .string($0) }) }
        if !account.isEmpty { members["account"] = strings(account) }
        if !detail.isEmpty { members["detail"] = .object(detail) }
        if !detailType.isEmpty { members["detail-type"] = strings(detailType) }
        if !region.isEmpty { members["region"] = strings(region) }
        if !resources.isEmpty { members["resources"] = strings(resources) }
        if !source.isEmpty { members["source"] = strings(source) }
        return .object(members)
    }
}

extension Value {
    /// Matches strings starting with `prefix`.
    public static func prefix(_ prefix: String) -> Value { ["prefix": .string(prefix)] }
    /// Matches strings ending with `suffix`.
    public static func suffix(_ suffix: String) -> Value { ["suffix": .string(suffix)] }
    /// Matches numbers compared with `value` by `comparison` (`>`, `>=`, `<`, `<=`, `=`).
    public static func numeric(_ comparison: String, _ value: Double) -> Value { ["numeric": [.string(comparison), .number(value)]] }
    /// Matches when the field is present (or absent).
    public static func exists(_ present: Bool) -> Value { ["exists": .bool(present)] }
    /// Matches anything but `values`.
    public static func anythingBut(_ values: [Value]) -> Value { ["anything-but": .array(values)] }
}
