import OrderedCollections

/// A JSON value whose objects keep their keys in insertion order.
///
/// `JSONValue` is the tree every Formwork template is made of. Objects are `OrderedDictionary`s, so the
/// order in which keys were inserted is the order in which they are written: output is deterministic.
///
/// ```swift
/// let value: JSONValue = ["Type": "AWS::SQS::Queue", "Properties": ["DelaySeconds": 5]]
/// ```
///
/// Numbers are stored as `Double`, as JavaScript's `JSON.parse` stores them. A number read from a template
/// whose text a `Double` does not hold exactly (an integer beyond 2^53, `1e999`, more digits than a `Double`
/// keeps) is kept as its text, ``numberText(_:)``, so that reading and writing a template never changes it.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number that a `Double` holds exactly as written.
    case number(Double)
    /// A number kept as the decimal text it was written as, because a `Double` would change it.
    case numberText(String)
    case string(String)
    case array([JSONValue])
    /// An object, its keys in insertion (for a template read from a file, written) order.
    case object(OrderedDictionary<String, JSONValue>)
}

extension JSONValue {
    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The array, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The object, if this is an object.
    public var objectValue: OrderedDictionary<String, JSONValue>? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The number, if this is a number; a number kept as text gives its nearest `Double` (or infinity).
    public var numberValue: Double? {
        switch self {
        case .number(let value): value
        case .numberText(let text): Double(text)
        default: nil
        }
    }

    /// The Boolean, if this is a Boolean.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// A short name of the value's kind, for error messages: `"string"`, `"object"`, ...
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number, .numberText: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The member at `key`, if this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

extension JSONValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension JSONValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(OrderedDictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
