import FormworkTemplate
import OrderedCollections
import PropertyBased

/// Random templates for property tests: every JSON shape a template may hold, with the strings that trip
/// YAML up (`yes`, `0x10`, `1e5`, `~`, a byte order mark, control characters), numbers a `Double` holds and
/// numbers kept as text, intrinsic functions, dependencies, parameters and exports.
public enum TemplateGenerator {
    /// A generator of templates.
    public static let templates = Generator<Template, Shrink.None<Template>> { rng in template(using: &rng) }

    /// Names that are valid logical IDs and names that are not, for paths and keys.
    public static let identifiers = Generator<String, Shrink.None<String>> { rng in identifier(using: &rng) }

    static let trickyStrings = [
        "", "yes", "no", "on", "off", "null", "~", "true", "False", "0x10", "0o17", "017", "1e5", "1_000", "12:30",
        ".inf", "-.inf", ".nan", "2012-10-17", "2001-12-14t21:59:43.10-05:00", "- item", "key: value", "# comment",
        "a #b", "!Ref x", "&anchor", "*alias", "|", ">", "'quoted'", "\"double\"", "tab\there", "line\nbreak",
        "\u{FEFF}bom", "\u{0}nul", "\u{7F}", "é", "日本", "emoji 🎉", "\\backslash", "${AWS::Region}", "  spaced  ",
        "=", "<<", "?", "-", "[", "{", "%", "@", "`",
    ]

    static let types = ["AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::Lambda::Function", "AWS::S3::Bucket", "Custom::Thing"]

    static func template(using rng: inout any SeededRandomNumberGenerator) -> Template {
        var template = Template()
        if Bool.random(using: &rng) { template.description = string(using: &rng) }
        for index in 0..<Int.random(in: 1...4, using: &rng) {
            var parameter = Template.Parameter(type: Bool.random(using: &rng) ? "String" : "Number")
            parameter.maxLength = Bool.random(using: &rng) ? number(using: &rng) : Optional.none
            parameter.minValue = Bool.random(using: &rng) ? number(using: &rng) : Optional.none
            parameter.defaultValue = Bool.random(using: &rng) ? .string(string(using: &rng)) : Optional.none
            template.parameters["P\(index)"] = parameter
        }
        var names: [String] = []
        for index in 0..<Int.random(in: 1...6, using: &rng) {
            var resource = Template.Resource(type: types.randomElement(using: &rng)!)
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                resource.properties[identifier(using: &rng)] = value(depth: 3, references: names, using: &rng)
            }
            resource.dependsOn = names.filter { _ in Int.random(in: 0..<4, using: &rng) == 0 }
            if Bool.random(using: &rng) { resource.metadata = value(depth: 2, references: names, using: &rng) }
            if Bool.random(using: &rng) { resource.deletionPolicy = "Retain" }
            let name = "R\(index)\(identifier(using: &rng).filter { $0.isASCII && ($0.isLetter || $0.isNumber) })"
            template.resources[name] = resource
            names.append(name)
        }
        for index in 0..<Int.random(in: 0...3, using: &rng) {
            let exportName: JSONValue? = Bool.random(using: &rng) ? .string(string(using: &rng)) : nil
            template.outputs["O\(index)"] = Template.Output(value: value(depth: 2, references: names, using: &rng), exportName: exportName)
        }
        return template
    }

    static func value(depth: Int, references: [String], using rng: inout any SeededRandomNumberGenerator) -> JSONValue {
        let choice = Int.random(in: 0..<(depth > 0 ? 10 : 6), using: &rng)
        switch choice {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return number(using: &rng)
        case 3, 4, 5: return .string(string(using: &rng))
        case 6:
            return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in value(depth: depth - 1, references: references, using: &rng) })
        case 7:
            var members = OrderedDictionary<String, JSONValue>()
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                members[string(using: &rng)] = value(depth: depth - 1, references: references, using: &rng)
            }
            return .object(members)
        default:
            guard let target = references.randomElement(using: &rng) else { return .string(string(using: &rng)) }
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return .ref(target)
            case 1: return .getAtt(target, "Arn")
            default: return .intrinsic("Fn::Sub", .string("${\(target)}-\(string(using: &rng))"))
            }
        }
    }

    static func number(using rng: inout any SeededRandomNumberGenerator) -> JSONValue {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return .number(Double(Int.random(in: -1_000...1_000_000, using: &rng)))
        case 1: return .number(Double.random(in: -1e6...1e6, using: &rng))
        case 2: return .number(Double(Int.random(in: 0...Int(1) << 53, using: &rng)))
        case 3:
            return .numberText(["9007199254740993", "1e999", "-1e999", "123456789012345678901234567890", "0.10000000000000000001"].randomElement(using: &rng)!)
        default: return .number([0, 1e300, 5e-324, 1.5e-7, 1e21].randomElement(using: &rng)!)
        }
    }

    static func string(using rng: inout any SeededRandomNumberGenerator) -> String {
        if Bool.random(using: &rng) { return trickyStrings.randomElement(using: &rng)! }
        let scalars = (0..<Int.random(in: 0...12, using: &rng)).map { _ -> Unicode.Scalar in
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &rng))
            case 1: Unicode.Scalar(UInt32.random(in: 0xA0...0xD7FF, using: &rng)) ?? "x"
            default: Unicode.Scalar(UInt8.random(in: 0x61...0x7A, using: &rng))
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    static func identifier(using rng: inout any SeededRandomNumberGenerator) -> String {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return string(using: &rng)
        case 1: return String(repeating: "Long", count: Int.random(in: 1...80, using: &rng))
        default:
            let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
            return String((0..<Int.random(in: 1...20, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
        }
    }
}
