/// A value type that can hold CloudFormation intrinsic functions.
///
/// ``JSONValue`` conforms, and so does the DSL's value type in FormworkCore; both get the same helpers:
///
/// ```swift
/// let arn: JSONValue = .join("", ["arn:", .pseudo(.partition), ":s3:::", .ref("Bucket")])
/// let name: JSONValue = .if("IsProd", "orders", .ref("AWS::NoValue"))
/// ```
public protocol IntrinsicFunctionValue {
    /// A string value.
    static func string(_ value: String) -> Self
    /// A list value.
    static func array(_ elements: [Self]) -> Self
    /// A one-key object `{name: argument}`, the shape of every intrinsic function.
    static func intrinsic(_ name: String, _ argument: Self) -> Self
}

extension JSONValue: IntrinsicFunctionValue {
    public static func intrinsic(_ name: String, _ argument: JSONValue) -> JSONValue {
        .object([name: argument])
    }
}

extension IntrinsicFunctionValue {
    /// `{"Ref": logicalId}`: a resource's reference value, or a parameter's value.
    public static func ref(_ logicalId: String) -> Self { .intrinsic("Ref", .string(logicalId)) }

    /// `{"Ref": "AWS::..."}`: a pseudo parameter.
    public static func pseudo(_ parameter: PseudoParameter) -> Self { .ref(parameter.rawValue) }

    /// `{"Fn::GetAtt": [logicalId, attribute]}`.
    public static func getAtt(_ logicalId: String, _ attribute: String) -> Self {
        .intrinsic("Fn::GetAtt", .array([.string(logicalId), .string(attribute)]))
    }

    /// `{"Fn::Join": [delimiter, parts]}`.
    public static func join(_ delimiter: String, _ parts: [Self]) -> Self {
        .intrinsic("Fn::Join", .array([.string(delimiter), .array(parts)]))
    }

    /// `{"Fn::Sub": template}`, or `{"Fn::Sub": [template, variables]}` when variables are given.
    public static func sub(_ template: String, variables: Self? = nil) -> Self {
        guard let variables else { return .intrinsic("Fn::Sub", .string(template)) }
        return .intrinsic("Fn::Sub", .array([.string(template), variables]))
    }

    /// `{"Fn::Select": [index, list]}`.
    public static func select(_ index: Int, _ list: Self) -> Self {
        .intrinsic("Fn::Select", .array([.string(String(index)), list]))
    }

    /// `{"Fn::Split": [delimiter, source]}`.
    public static func split(_ delimiter: String, _ source: Self) -> Self {
        .intrinsic("Fn::Split", .array([.string(delimiter), source]))
    }

    /// `{"Fn::If": [condition, whenTrue, whenFalse]}`.
    public static func `if`(_ condition: String, _ whenTrue: Self, _ whenFalse: Self) -> Self {
        .intrinsic("Fn::If", .array([.string(condition), whenTrue, whenFalse]))
    }

    /// `{"Fn::Equals": [lhs, rhs]}`.
    public static func equals(_ lhs: Self, _ rhs: Self) -> Self {
        .intrinsic("Fn::Equals", .array([lhs, rhs]))
    }

    /// `{"Fn::And": conditions}` (2 to 10 conditions).
    public static func and(_ conditions: [Self]) -> Self { .intrinsic("Fn::And", .array(conditions)) }

    /// `{"Fn::Or": conditions}` (2 to 10 conditions).
    public static func or(_ conditions: [Self]) -> Self { .intrinsic("Fn::Or", .array(conditions)) }

    /// `{"Fn::Not": [condition]}`.
    public static func not(_ condition: Self) -> Self { .intrinsic("Fn::Not", .array([condition])) }

    /// `{"Condition": name}`: another condition, inside a condition.
    public static func condition(_ name: String) -> Self { .intrinsic("Condition", .string(name)) }

    /// `{"Fn::FindInMap": [map, topLevelKey, secondLevelKey]}`.
    public static func findInMap(_ map: String, _ topLevelKey: Self, _ secondLevelKey: Self) -> Self {
        .intrinsic("Fn::FindInMap", .array([.string(map), topLevelKey, secondLevelKey]))
    }

    /// `{"Fn::ImportValue": exportName}`.
    public static func importValue(_ exportName: Self) -> Self { .intrinsic("Fn::ImportValue", exportName) }

    /// `{"Fn::Base64": value}`.
    public static func base64(_ value: Self) -> Self { .intrinsic("Fn::Base64", value) }

    /// `{"Fn::Cidr": [ipBlock, count, cidrBits]}`.
    public static func cidr(_ ipBlock: Self, count: Int, cidrBits: Int) -> Self {
        .intrinsic("Fn::Cidr", .array([ipBlock, .string(String(count)), .string(String(cidrBits))]))
    }

    /// `{"Fn::GetAZs": region}`; `""` means the stack's region.
    public static func getAZs(_ region: Self = .string("")) -> Self { .intrinsic("Fn::GetAZs", region) }

    /// `{"Fn::Transform": {"Name": macro, "Parameters": parameters}}`.
    public static func transform(_ macro: String, parameters: Self) -> Self where Self: ExpressibleByDictionaryLiteral, Self.Key == String, Self.Value == Self {
        .intrinsic("Fn::Transform", ["Name": .string(macro), "Parameters": parameters])
    }
}

extension JSONValue {
    /// Whether the value is a one-key object naming an intrinsic function: `Ref`, `Condition` or `Fn::…`.
    public var isIntrinsicFunction: Bool {
        guard case .object(let members) = self, members.count == 1, let name = members.keys.first else { return false }
        return name == "Ref" || name == "Condition" || name.hasPrefix("Fn::")
    }
}

extension JSONValue {
    /// The text of `{"Fn::Sub": "text"}` when nothing is left to substitute in it (no `${`, `${!` escapes
    /// aside); `nil` for anything else.
    public var literalSub: String? {
        guard case .object(let members) = self, members.count == 1, case .string(let text)? = members["Fn::Sub"] else { return nil }
        return text.replacingOccurrences(of: "${!", with: "").contains("${") ? nil : text.replacingOccurrences(of: "${!", with: "${")
    }
}
