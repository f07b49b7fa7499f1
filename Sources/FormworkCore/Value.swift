import FormworkTemplate
import OrderedCollections

/// A property value in the DSL: JSON that may hold references to other constructs.
///
/// Write values as literals; interpolate references into strings and Formwork builds the `Fn::Join` CDK
/// would build:
///
/// ```swift
/// let environment: Value = ["TABLE": table.ref, "RETRIES": 3]
/// let arn: Value = "arn:\(Aws.partition):s3:::\(bucket.ref)/*"
/// // {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":s3:::", {"Ref": "Bucket..."}, "/*"]]}
/// ```
///
/// References are resolved at synthesis: to `Ref`/`Fn::GetAtt` in the same stack, to `Fn::ImportValue` of an
/// export across stacks.
public enum Value: Sendable, Equatable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, written as JavaScript writes it (`5`, not `5.0`).
    case number(Double)
    /// A number kept as its decimal text (see ``JSONValue/numberText(_:)``).
    case numberText(String)
    case string(String)
    case array([Value])
    /// An object, its keys written in this order.
    case object(OrderedDictionary<String, Value>)
    /// A reference to another construct's element, resolved at synthesis to `Ref` or `Fn::GetAtt` in the same
    /// stack and to `Fn::ImportValue` across stacks.
    ///
    /// The only case kept in a box of its own: it is the largest payload by far, and a value of any other
    /// case is stored inline (lists and objects already hold their elements in buffers), not allocated.
    indirect case reference(Reference)
}

extension Value {
    /// A value without references, as is.
    public init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let number): self = .number(number)
        case .numberText(let text): self = .numberText(text)
        case .string(let string): self = .string(string)
        case .array(let elements): self = .array(elements.map(Value.init))
        case .object(let members): self = .object(members.mapValues(Value.init))
        }
    }

    /// The value as JSON, when it holds no reference.
    public var json: JSONValue? {
        guard !hasReferences else { return nil }
        return resolved { (_: Reference) -> JSONValue in .null }
    }

    /// Every reference in the value, depth first.
    public var references: [Reference] {
        var found: [Reference] = []
        forEachReference { found.append($0) }
        return found
    }

    /// Whether the value holds a reference anywhere.
    var hasReferences: Bool {
        switch self {
        case .reference: true
        case .array(let elements): elements.contains { $0.hasReferences }
        case .object(let members): members.values.contains { $0.hasReferences }
        case .null, .bool, .number, .numberText, .string: false
        }
    }

    /// Calls `body` with every reference in the value, depth first, without collecting them.
    func forEachReference(_ body: (Reference) -> Void) {
        switch self {
        case .reference(let reference): body(reference)
        case .array(let elements): for element in elements { element.forEachReference(body) }
        case .object(let members): for member in members.values { member.forEachReference(body) }
        case .null, .bool, .number, .numberText, .string: break
        }
    }

    /// The value with every reference replaced by what `resolve` gives for it.
    func resolved<E: Error>(_ resolve: (Reference) throws(E) -> JSONValue) throws(E) -> JSONValue {
        switch self {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .numberText(let text): return .numberText(text)
        case .string(let string): return .string(string)
        case .array(let elements):
            var resolved: [JSONValue] = []
            resolved.reserveCapacity(elements.count)
            for element in elements { resolved.append(try element.resolved(resolve)) }
            return .array(resolved)
        case .object(let members):
            return .object(try members.mapJSONValues { member throws(E) in try member.resolved(resolve) })
        case .reference(let reference):
            return try resolve(reference)
        }
    }
}

extension Value: IntrinsicFunctionValue {
    public static func intrinsic(_ name: String, _ argument: Value) -> Value {
        .object([name: argument])
    }
}

extension Value: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension Value: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Value: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension Value: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension Value: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
}

extension Value: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        var members = OrderedDictionary<String, Value>(minimumCapacity: elements.count)
        for (key, value) in elements { members[key] = value }
        self = .object(members)
    }
}
