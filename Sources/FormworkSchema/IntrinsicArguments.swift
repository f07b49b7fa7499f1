import FormworkTemplate

/// The arguments CloudFormation accepts for each intrinsic function: the checks that catch
/// `{"Fn::GetAtt": ["A"]}`, `{"Ref": ["A"]}`, `{"Fn::Sub": []}` or `{"Fn::Select": ["a", "b"]}` before a
/// deploy fails on them with "Template error".
///
/// Only what CloudFormation always refuses is reported; an argument that is itself an intrinsic function
/// is accepted wherever a value is computed at deploy time.
enum IntrinsicArguments {
    /// What is wrong with `argument` as the argument of `function`, or `nil` when it has a valid shape.
    ///
    /// - Parameter languageExtensions: whether the template declares `AWS::LanguageExtensions`, under which a
    ///   `Ref`'s name and a `Fn::GetAtt`'s logical ID may be computed by an intrinsic function (`!Sub ${Name}Queue`).
    static func problem(of function: String, _ argument: JSONValue, languageExtensions: Bool = false) -> String? {
        if languageExtensions {
            switch (function, argument) {
            case ("Ref", let name) where name.isIntrinsicFunction: return nil
            case ("Fn::GetAtt", .array(let parts)) where parts.count == 2 && parts[0].isIntrinsicFunction: return nil
            default: break
            }
        }
        switch function {
        case "Ref":
            return argument.stringValue == nil ? "Ref takes the name of a resource or parameter as a string, found \(phrase(argument))" : nil
        case "Fn::GetAtt":
            return getAttProblem(argument)
        case "Fn::Sub":
            return subProblem(argument)
        case "Fn::Select":
            guard case .array(let parts) = argument, parts.count == 2 else {
                return "Fn::Select takes [index, list], found \(phrase(argument))"
            }
            if !isIndex(parts[0]) { return "the index of Fn::Select must be a number or an intrinsic function, found \(phrase(parts[0]))" }
            if !isList(parts[1]) { return "the second argument of Fn::Select must be a list or an intrinsic function, found \(phrase(parts[1]))" }
            return nil
        case "Fn::Join":
            guard case .array(let parts) = argument, parts.count == 2 else {
                return "Fn::Join takes [delimiter, list], found \(phrase(argument))"
            }
            if parts[0].stringValue == nil { return "the delimiter of Fn::Join must be a string, found \(phrase(parts[0]))" }
            if !isList(parts[1]) { return "the second argument of Fn::Join must be a list or an intrinsic function, found \(phrase(parts[1]))" }
            return nil
        case "Fn::Split":
            guard case .array(let parts) = argument, parts.count == 2, parts[0].stringValue != nil else {
                return "Fn::Split takes [delimiter, string], found \(phrase(argument))"
            }
            return nil
        case "Fn::If":
            guard case .array(let parts) = argument, parts.count == 3, parts[0].stringValue != nil else {
                return "Fn::If takes [condition name, value if true, value if false], found \(phrase(argument))"
            }
            return nil
        case "Fn::Equals":
            return count(argument, in: 2...2) ? nil : "Fn::Equals takes a list of two values, found \(phrase(argument))"
        case "Fn::And", "Fn::Or":
            return count(argument, in: 2...10) ? nil : "\(function) takes a list of 2 to 10 conditions, found \(phrase(argument))"
        case "Fn::Not":
            return count(argument, in: 1...1) ? nil : "Fn::Not takes a list of one condition, found \(phrase(argument))"
        case "Fn::FindInMap":
            return count(argument, in: 3...4) ? nil : "Fn::FindInMap takes [map name, top-level key, second-level key], found \(phrase(argument))"
        case "Fn::Cidr":
            guard case .array(let parts) = argument else {
                return IntrinsicFunction(argument) != nil ? nil : "Fn::Cidr takes [IP block, count, CIDR bits], found \(phrase(argument))"
            }
            guard parts.count == 3 else { return "Fn::Cidr takes [IP block, count, CIDR bits], found \(phrase(argument))" }
            if !isScalarOrIntrinsic(parts[0]) { return "the IP block of Fn::Cidr must be a CIDR string, found \(phrase(parts[0]))" }
            if !isIndex(parts[1]) { return "the count of Fn::Cidr must be a whole number, found \(phrase(parts[1]))" }
            if !isIndex(parts[2]) { return "the CIDR bits of Fn::Cidr must be a whole number, found \(phrase(parts[2]))" }
            return nil
        case "Fn::ToJsonString":
            switch argument {
            case .object, .array: return nil
            default: return "Fn::ToJsonString takes an object or a list, found \(phrase(argument))"
            }
        case "Fn::GetStackOutput":
            guard case .object(let members) = argument else {
                return IntrinsicFunction(argument) != nil ? nil : "Fn::GetStackOutput takes {StackName, OutputName, Region, RoleArn}, found \(phrase(argument))"
            }
            let allowed: Set<String> = ["StackName", "OutputName", "Region", "RoleArn"]
            if let unknown = members.keys.first(where: { !allowed.contains($0) }) {
                return "'\(unknown)' is not an argument of Fn::GetStackOutput; it takes StackName, OutputName, Region and RoleArn"
            }
            if let missing = ["StackName", "OutputName"].first(where: { members[$0] == nil }) {
                return "Fn::GetStackOutput needs its \(missing)"
            }
            return nil
        case "Fn::Length":
            return isList(argument) ? nil : "Fn::Length takes a list (or an intrinsic function that yields one), found \(phrase(argument))"
        case "Fn::ImportValue", "Fn::Base64", "Fn::GetAZs":
            return isScalarOrIntrinsic(argument) ? nil : "\(function) takes a string, found \(phrase(argument))"
        default:
            return nil
        }
    }

    private static func getAttProblem(_ argument: JSONValue) -> String? {
        switch argument {
        case .string(let dotted):
            return dotted.contains(".") ? nil : "Fn::GetAtt takes 'LogicalId.Attribute', found '\(dotted)'"
        case .array(let parts) where parts.count == 2:
            if parts[0].stringValue == nil { return "the first element of Fn::GetAtt must be a logical ID, found \(phrase(parts[0]))" }
            if parts[1].stringValue == nil, IntrinsicFunction(parts[1]) == nil {
                return "the second element of Fn::GetAtt must be an attribute name, found \(phrase(parts[1]))"
            }
            return nil
        default:
            return "Fn::GetAtt takes [logical ID, attribute name], found \(phrase(argument))"
        }
    }

    private static func subProblem(_ argument: JSONValue) -> String? {
        switch argument {
        case .string: return nil
        case .array(let parts) where (1...2).contains(parts.count):
            if parts[0].stringValue == nil { return "the first element of Fn::Sub must be the string to substitute into, found \(phrase(parts[0]))" }
            if parts.count == 2, parts[1].objectValue == nil { return "the second element of Fn::Sub must be a map of variables, found \(phrase(parts[1]))" }
            return nil
        default:
            return "Fn::Sub takes a string or [string, map of variables], found \(phrase(argument))"
        }
    }

    private static func count(_ argument: JSONValue, in range: ClosedRange<Int>) -> Bool {
        guard case .array(let parts) = argument else { return IntrinsicFunction(argument) != nil }
        return range.contains(parts.count)
    }

    private static func isIndex(_ value: JSONValue) -> Bool {
        switch value {
        case .number, .numberText: true
        case .string(let text): Int(text) != nil
        default: IntrinsicFunction(value) != nil
        }
    }

    private static func isList(_ value: JSONValue) -> Bool {
        if case .array = value { return true }
        return IntrinsicFunction(value) != nil
    }

    private static func isScalarOrIntrinsic(_ value: JSONValue) -> Bool {
        switch value {
        case .string, .number, .numberText: true
        default: IntrinsicFunction(value) != nil
        }
    }

    /// How a wrong argument is named in a message: "a list of 3 elements", "a string", ...
    private static func phrase(_ value: JSONValue) -> String {
        switch value {
        case .array(let elements): "a list of \(elements.count) element\(elements.count == 1 ? "" : "s")"
        case .object: "an object"
        case .null: "null"
        case .string(let text): "the string '\(text.prefix(40))'"
        default: "a \(value.kindName)"
        }
    }
}
