import FormworkTemplate

/// Whether two template values are the same to CloudFormation.
///
/// Like CloudFormation: object key order does not matter; a number equals its canonical decimal text
/// (`10` = `"10"`), a Boolean its text (`true` = `"true"`); `Fn::GetAtt: "A.B"` equals `["A", "B"]`;
/// `DependsOn` lists compare as sets. Stricter than CDK's diff, which passes strings through JavaScript's
/// `Number()`: `"1.10"` ≠ `"1.1"`, `""` ≠ `0`, `null` ≠ `"0"`, `"0x10"` ≠ `16`.
public enum CloudFormationEquality {
    /// Whether `lhs` and `rhs` are the same value. With `mangledNonASCII`, a string of `lhs` also equals
    /// the string of `rhs` with every non-ASCII character written `?` — what CloudFormation's `GetTemplate`
    /// returns for a template that had them.
    public static func equal(_ lhs: JSONValue, _ rhs: JSONValue, mangledNonASCII: Bool = false) -> Bool {
        switch (normalized(lhs), normalized(rhs)) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.numberText(let a), .numberText(let b)): return a == b
        case (.numberText(let a), .string(let b)), (.string(let b), .numberText(let a)): return a == b
        case (.string(let a), .string(let b)): return a == b || (mangledNonASCII && a == mangled(b))
        case (.number(let number), .string(let text)), (.string(let text), .number(let number)):
            return text == JSONWriter(style: .compact).string(from: .number(number))
        case (.bool(let flag), .string(let text)), (.string(let text), .bool(let flag)):
            return text == (flag ? "true" : "false")
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1, mangledNonASCII: mangledNonASCII) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { equal(value, $0, mangledNonASCII: mangledNonASCII) } ?? false }
        default:
            return false
        }
    }

    /// `text` as `GetTemplate` returns it: every character from U+0080 on written `?`.
    static func mangled(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.isASCII ? $0 : "?" }))
    }

    /// `Fn::GetAtt: "A.B"` as `["A", "B"]`; everything else as is.
    static func normalized(_ value: JSONValue) -> JSONValue {
        guard case .object(let members) = value, members.count == 1, case .string(let dotted)? = members["Fn::GetAtt"],
            let dot = dotted.firstIndex(of: ".")
        else { return value }
        return .getAtt(String(dotted[..<dot]), String(dotted[dotted.index(after: dot)...]))
    }
}
