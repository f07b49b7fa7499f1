import FormworkTemplate

extension Value {
    /// The value as compact JSON text, with its references and intrinsic functions kept live: a plain
    /// string when it has none, otherwise an `Fn::Join` of the text around them — what CDK's
    /// `stack.toJsonString` produces, for state machine definitions and dashboards.
    ///
    /// A reference or an intrinsic in place of a string is written inside quotes:
    /// `{"FunctionName":"` + `{"Fn::GetAtt": [...]}` + `"}`.
    public var jsonText: Value {
        var parts: [Value] = []
        appendJSONText(to: &parts)
        return .concatenation(parts)
    }

    private func appendJSONText(to parts: inout [Value]) {
        switch self {
        case .null, .bool, .number, .numberText:
            parts.append(.string(json.map { JSONWriter(style: .compact).string(from: $0) } ?? "null"))
        case .string(let string):
            parts.append(.string(JSONWriter(style: .compact).string(from: .string(string))))
        case .reference:
            parts += ["\"", self, "\""]
        case .array(let elements):
            parts.append("[")
            for (index, element) in elements.enumerated() {
                if index > 0 { parts.append(",") }
                element.appendJSONText(to: &parts)
            }
            parts.append("]")
        case .object(let members):
            if let joined = emptyDelimiterJoinParts {
                // A string built by interpolation: its literal pieces escaped, its intrinsics spliced in.
                parts.append("\"")
                for part in joined {
                    if case .string(let literal) = part {
                        parts.append(.string(String(JSONWriter(style: .compact).string(from: .string(literal)).dropFirst().dropLast())))
                    } else {
                        parts.append(part)
                    }
                }
                parts.append("\"")
            } else if members.count == 1, let name = members.keys.first, name == "Ref" || name.hasPrefix("Fn::") {
                parts += ["\"", self, "\""]
            } else {
                parts.append("{")
                for (index, (key, member)) in members.enumerated() {
                    parts.append(.string((index > 0 ? "," : "") + JSONWriter(style: .compact).string(from: .string(key)) + ":"))
                    member.appendJSONText(to: &parts)
                }
                parts.append("}")
            }
        }
    }
}
