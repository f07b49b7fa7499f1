import FormworkTemplate
import OrderedCollections

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
        guard case .object(let members) = value else { return nil }
        self.init(members)
    }

    /// The intrinsic an object's `members` are, when it has one key naming one.
    ///
    /// The members are borrowed: an initializer takes its arguments owned by default, and the schema evaluator,
    /// which asks this of every object it meets, retained and released each object's three buffers to hand
    /// them over.
    init?(_ members: borrowing OrderedDictionary<String, JSONValue>) {
        guard members.count == 1 else { return nil }
        let name = members.keys[0]
        guard name == "Ref" || name.hasASCIIPrefix("Fn::") else { return nil }
        self.name = name
        self.argument = members.values[0]
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
