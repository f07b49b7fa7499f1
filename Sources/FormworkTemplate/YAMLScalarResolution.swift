import Yams

/// What a YAML scalar is: the kind a plain scalar resolves to (YAML 1.1, as Yams and CloudFormation read
/// `yes`, `0x1F` or `1_000`), and its value as a ``JSONValue``.
enum YAMLScalarResolution {
    /// The kinds a template's scalars may have; `!!timestamp` values stay strings, as CloudFormation reads them.
    static let supportedKinds: Set<Tag.Name> = [.str, .int, .float, .bool, .null, .timestamp, .merge, .value]

    /// Why a scalar does not have the value its tag says.
    struct Failure: Error {
        let message: String
    }

    /// The kind a plain (unquoted, untagged) scalar resolves to.
    static func kind(of text: String) -> Tag.Name {
        // Only scalars that start like a number, a Boolean or null can resolve to anything but a string.
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "y"),
            UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return Resolver.default.resolveTag(of: .scalar(.init(text)))
        default:
            return .str
        }
    }

    /// The value of `text` read as `kind`.
    static func value(of text: String, as kind: Tag.Name) throws(Failure) -> JSONValue {
        switch kind {
        case .null: return .null
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "on", "y": return .bool(true)
            case "false", "no", "off", "n": return .bool(false)
            default: throw Failure(message: "'\(text)' is not a Boolean")
            }
        case .int: return try integer(text)
        case .float:
            let digits = text.replacingOccurrences(of: "_", with: "")
            // `.inf` and `.nan` have no JSON form: they stay the strings they are written as.
            guard let number = JSONNumberText.value(Substring(digits)) else {
                if digits.lowercased().hasSuffix(".inf") || digits.lowercased() == ".nan" { return .string(text) }
                throw Failure(message: "'\(text)' is not a number")
            }
            return jsonNumber(number)
        default: return .string(text)
        }
    }

    /// A number read from YAML, kept as text in JSON's syntax when a `Double` would change it.
    private static func jsonNumber(_ number: JSONValue) -> JSONValue {
        guard case .numberText(let text) = number, !JSONNumberText.isJSONSyntax(text),
            let decimal = JSONNumberText.Decimal(Substring(text))
        else { return number }
        return .numberText(decimal.jsonText)
    }

    /// A YAML 1.1 integer: decimal, `0x`, `0o` or leading-zero octal, `0b`, or base 60 (`1:30`).
    static func integer(_ text: String) throws(Failure) -> JSONValue {
        var digits = Substring(text.replacingOccurrences(of: "_", with: ""))
        let negative = digits.hasPrefix("-")
        if digits.hasPrefix("-") || digits.hasPrefix("+") { digits = digits.dropFirst() }
        let radix: Int
        if digits.hasPrefix("0x") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if digits.hasPrefix("0b") {
            radix = 2
            digits = digits.dropFirst(2)
        } else if digits.hasPrefix("0o") {
            radix = 8
            digits = digits.dropFirst(2)
        } else if digits.count > 1, digits.hasPrefix("0") {
            radix = 8
            digits = digits.dropFirst()
        } else if digits.contains(":") {
            radix = 60
        } else {
            // Decimal: exact however long, kept as text past what a Double holds.
            guard let number = JSONNumberText.value((negative ? "-" : "") + digits) else {
                throw Failure(message: "'\(text)' is not a number")
            }
            return jsonNumber(number)
        }
        guard let magnitude = radix == 60 ? sexagesimal(digits) : UInt64(digits, radix: radix) else {
            throw Failure(message: "'\(text)' is not an integer that fits in 64 bits")
        }
        // A Double holds every integer up to 2^53 exactly; past it, the digits are kept.
        guard magnitude > 1 << 53 else { return .number(negative ? -Double(magnitude) : Double(magnitude)) }
        return .numberText((negative ? "-" : "") + String(magnitude))
    }

    /// `1:30:00` as 5400; `nil` when a part is not a number or the total passes 64 bits.
    private static func sexagesimal(_ text: Substring) -> UInt64? {
        var total: UInt64 = 0
        for part in text.split(separator: ":", omittingEmptySubsequences: false) {
            guard let value = UInt64(part) else { return nil }
            let (shifted, overflowShift) = total.multipliedReportingOverflow(by: 60)
            let (sum, overflowAdd) = shifted.addingReportingOverflow(value)
            guard !overflowShift, !overflowAdd else { return nil }
            total = sum
        }
        return total
    }
}
