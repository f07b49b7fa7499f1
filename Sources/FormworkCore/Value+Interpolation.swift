import FormworkTemplate

extension Value: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .string(value) }

    public init(stringInterpolation: StringInterpolation) {
        self = .concatenation(stringInterpolation.parts)
    }

    /// Collects the literal text and the values of an interpolated string.
    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Value] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            parts.reserveCapacity(interpolationCount * 2 + 1)
        }

        public mutating func appendLiteral(_ literal: String) {
            parts.append(.string(literal))
        }

        /// Interpolates a value: a reference, a pseudo parameter, an intrinsic, or a literal.
        public mutating func appendInterpolation(_ value: Value) {
            parts.append(value)
        }

        /// Interpolates plain text.
        public mutating func appendInterpolation(_ text: String) {
            parts.append(.string(text))
        }

        /// Interpolates a number as text.
        public mutating func appendInterpolation(_ number: Int) {
            parts.append(.string(String(number)))
        }
    }

    /// The string that `parts` make when joined, as CDK's `CloudFormationLang.concat` builds it.
    ///
    /// Adjacent literals are merged into one; a nested `Fn::Join` with the empty delimiter is spliced
    /// into its parent; when nothing but literal text remains, the result is a plain string.
    ///
    /// ```swift
    /// Value.concatenation(["a", "b", .ref("X")])   // {"Fn::Join": ["", ["ab", {"Ref": "X"}]]}
    /// ```
    public static func concatenation(_ parts: [Value]) -> Value {
        var merged: [Value] = []
        func append(_ part: Value) {
            switch part {
            case .string(let text):
                if text.isEmpty { return }
                if case .string(let previous)? = merged.last {
                    merged[merged.count - 1] = .string(previous + text)
                } else {
                    merged.append(part)
                }
            case .number(let number):
                append(.string(JSONValue.number(number).literalText))
            case .numberText(let text):
                append(.string(text))
            default:
                if let nested = part.emptyDelimiterJoinParts {
                    nested.forEach(append)
                } else {
                    merged.append(part)
                }
            }
        }
        parts.forEach(append)
        switch merged.count {
        case 0: return .string("")
        case 1: if case .string = merged[0] { return merged[0] }
        default: break
        }
        return .join("", merged)
    }

    /// The parts of `{"Fn::Join": ["", parts]}`, when this value is exactly that.
    var emptyDelimiterJoinParts: [Value]? {
        guard case .object(let members) = self, members.count == 1,
            case .array(let arguments)? = members["Fn::Join"], arguments.count == 2,
            case .string("") = arguments[0], case .array(let parts) = arguments[1]
        else { return nil }
        return parts
    }
}

extension JSONValue {
    /// The text of a scalar as it reads inside a string (numbers as JavaScript writes them).
    var literalText: String {
        JSONWriter(style: .compact).string(from: self)
    }
}
