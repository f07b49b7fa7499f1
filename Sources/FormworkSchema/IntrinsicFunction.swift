import FormworkTemplate

/// An intrinsic function found in place of a value, and what kind of value it can yield.
struct IntrinsicFunction {
    /// What an intrinsic function can stand for.
    enum Yield {
        /// A string (`Fn::Join`, `Fn::Sub`, `Fn::Base64`, ...), which CloudFormation also accepts for
        /// numbers and Booleans.
        case string
        /// A list (`Fn::Split`, `Fn::GetAZs`, `Fn::Cidr`).
        case list
        /// A number (`Fn::Length`).
        case number
        /// Anything (`Ref`, `Fn::GetAtt`, `Fn::Select`, `Fn::FindInMap`, `Fn::ImportValue`, `Fn::If`).
        case any
    }

    let name: String
    let argument: JSONValue

    /// The intrinsic `value` is, when it is a one-key object naming one.
    init?(_ value: JSONValue) {
        guard case .object(let members) = value, members.count == 1 else { return nil }
        let name = members.keys[0]
        guard name == "Ref" || Self.hasFunctionPrefix(name) else { return nil }
        self.name = name
        self.argument = members.values[0]
    }

    /// Whether `name` starts with `Fn::`, read from its bytes (`hasPrefix` compares as Unicode text, about
    /// ten times the work, for every value validation checks).
    static func hasFunctionPrefix(_ name: String) -> Bool {
        var utf8 = name.utf8.makeIterator()
        return utf8.next() == UInt8(ascii: "F") && utf8.next() == UInt8(ascii: "n") && utf8.next() == UInt8(ascii: ":")
            && utf8.next() == UInt8(ascii: ":")
    }

    var yield: Yield {
        switch name {
        case "Fn::Join", "Fn::Sub", "Fn::Base64", "Fn::ToJsonString": .string
        case "Fn::Split", "Fn::GetAZs", "Fn::Cidr": .list
        case "Fn::Length": .number
        default: .any
        }
    }

    /// Whether it is `{"Ref": "AWS::NoValue"}`, which removes the property it is the value of.
    var isNoValue: Bool {
        name == "Ref" && argument == .string(PseudoParameter.noValue.rawValue)
    }

    /// Whether `value` is `{"Ref": "AWS::NoValue"}`, checked without taking the value apart.
    static func isNoValue(_ value: JSONValue) -> Bool {
        guard case .object(let members) = value, members.count == 1, members.keys[0] == "Ref" else { return false }
        return members.values[0] == .string(PseudoParameter.noValue.rawValue)
    }

    /// For `Fn::If`, the two values it chooses between.
    var branches: [JSONValue]? {
        guard name == "Fn::If", case .array(let arguments) = argument, arguments.count == 3 else { return nil }
        return [arguments[1], arguments[2]]
    }
}
