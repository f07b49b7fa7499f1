import FormworkCore
import OrderedCollections

/// A condition of a `Choice` state, on a path of the state's input.
///
/// ```swift
/// .and([.isPresent("$.total"), .numberGreaterThan("$.total", 100)])
/// ```
public indirect enum ChoiceCondition: Sendable {
    /// The value at the JSON path `variable` (`Variable`) compared with `value` by `operator`, a comparison of the
    /// Amazon States Language such as `StringEquals` or `NumericLessThanPath`.
    case compare(variable: String, operator: String, value: Value)
    /// `And`: every condition holds.
    case and([ChoiceCondition])
    /// `Or`: at least one condition holds.
    case or([ChoiceCondition])
    /// `Not`: the condition does not hold.
    case not(ChoiceCondition)

    /// `StringEquals`: the string at `variable` is `value`.
    public static func stringEquals(_ variable: String, _ value: String) -> ChoiceCondition {
        .compare(variable: variable, operator: "StringEquals", value: .string(value))
    }
    /// `StringMatches`: the string at `variable` matches `pattern`, in which `*` stands for any characters (`\\*`
    /// for an asterisk).
    public static func stringMatches(_ variable: String, _ pattern: String) -> ChoiceCondition {
        .compare(variable: variable, operator: "StringMatches", value: .string(pattern))
    }
    /// `NumericEquals`: the number at `variable` equals `value`.
    public static func numberEquals(_ variable: String, _ value: Double) -> ChoiceCondition {
        .compare(variable: variable, operator: "NumericEquals", value: .number(value))
    }
    /// `NumericGreaterThan`: the number at `variable` is greater than `value`.
    public static func numberGreaterThan(_ variable: String, _ value: Double) -> ChoiceCondition {
        .compare(variable: variable, operator: "NumericGreaterThan", value: .number(value))
    }
    /// `NumericGreaterThanEquals`: the number at `variable` is greater than or equal to `value`.
    public static func numberGreaterThanOrEqual(_ variable: String, _ value: Double) -> ChoiceCondition {
        .compare(variable: variable, operator: "NumericGreaterThanEquals", value: .number(value))
    }
    /// `NumericLessThan`: the number at `variable` is less than `value`.
    public static func numberLessThan(_ variable: String, _ value: Double) -> ChoiceCondition {
        .compare(variable: variable, operator: "NumericLessThan", value: .number(value))
    }
    /// `NumericLessThanEquals`: the number at `variable` is less than or equal to `value`.
    public static func numberLessThanOrEqual(_ variable: String, _ value: Double) -> ChoiceCondition {
        .compare(variable: variable, operator: "NumericLessThanEquals", value: .number(value))
    }
    /// `BooleanEquals`: the Boolean at `variable` is `value`.
    public static func booleanEquals(_ variable: String, _ value: Bool) -> ChoiceCondition {
        .compare(variable: variable, operator: "BooleanEquals", value: .bool(value))
    }
    /// `TimestampLessThan`: the time at `variable` is before `value`; both ISO 8601 timestamps such as
    /// `2026-01-31T09:00:00Z`.
    public static func timestampLessThan(_ variable: String, _ value: String) -> ChoiceCondition {
        .compare(variable: variable, operator: "TimestampLessThan", value: .string(value))
    }
    /// `TimestampGreaterThan`: the time at `variable` is after `value`; both ISO 8601 timestamps.
    public static func timestampGreaterThan(_ variable: String, _ value: String) -> ChoiceCondition {
        .compare(variable: variable, operator: "TimestampGreaterThan", value: .string(value))
    }
    /// `IsPresent`: the input has a field at `variable`.
    public static func isPresent(_ variable: String) -> ChoiceCondition { .compare(variable: variable, operator: "IsPresent", value: true) }
    /// `IsNull`: the value at `variable` is JSON `null`.
    public static func isNull(_ variable: String) -> ChoiceCondition { .compare(variable: variable, operator: "IsNull", value: true) }

    /// The condition's rule, without `Next`.
    var value: Value {
        switch self {
        case .compare(let variable, let op, let value): .object(["Variable": .string(variable), op: value])
        case .and(let conditions): ["And": .array(conditions.map(\.value))]
        case .or(let conditions): ["Or": .array(conditions.map(\.value))]
        case .not(let condition): ["Not": condition.value]
        }
    }
}
