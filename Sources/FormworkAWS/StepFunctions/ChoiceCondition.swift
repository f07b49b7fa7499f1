import FormworkCore
import OrderedCollections

/// A condition of a `Choice` state, on a path of the state's input.
///
/// ```swift
/// .and([.isPresent("$.total"), .numberGreaterThan("$.total", 100)])
/// ```
public indirect enum ChoiceCondition: Sendable {
    case compare(variable: String, operator: String, value: Value)
    case and([ChoiceCondition])
    case or([ChoiceCondition])
    case not(ChoiceCondition)

    public static func stringEquals(_ variable: String, _ value: String) -> ChoiceCondition {
        .compare(variable: variable, operator: "StringEquals", value: .string(value))
    }
    public static func stringMatches(_ variable: String, _ pattern: String) -> ChoiceCondition {
        .compare(variable: variable, operator: "StringMatches", value: .string(pattern))
    }
    public static func numberEquals(_ variable: String, _ value: Double) -> ChoiceCondition {
        .compare(variable: variable, operator: "NumericEquals", value: .number(value))
    }
    public static func numberGreaterThan(_ variable: String, _ value: Double) -> ChoiceCondition {
        .compare(variable: variable, operator: "NumericGreaterThan", value: .number(value))
    }
    public static func numberGreaterThanOrEqual(_ variable: String, _ value: Double) -> ChoiceCondition {
        .compare(variable: variable, operator: "NumericGreaterThanEquals", value: .number(value))
    }
    public static func numberLessThan(_ variable: String, _ value: Double) -> ChoiceCondition {
        .compare(variable: variable, operator: "NumericLessThan", value: .number(value))
    }
    public static func numberLessThanOrEqual(_ variable: String, _ value: Double) -> ChoiceCondition {
        .compare(variable: variable, operator: "NumericLessThanEquals", value: .number(value))
    }
    public static func booleanEquals(_ variable: String, _ value: Bool) -> ChoiceCondition {
        .compare(variable: variable, operator: "BooleanEquals", value: .bool(value))
    }
    public static func timestampLessThan(_ variable: String, _ value: String) -> ChoiceCondition {
        .compare(variable: variable, operator: "TimestampLessThan", value: .string(value))
    }
    public static func timestampGreaterThan(_ variable: String, _ value: String) -> ChoiceCondition {
        .compare(variable: variable, operator: "TimestampGreaterThan", value: .string(value))
    }
    public static func isPresent(_ variable: String) -> ChoiceCondition { .compare(variable: variable, operator: "IsPresent", value: true) }
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
