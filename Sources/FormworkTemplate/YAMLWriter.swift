import Yams

/// Writes a ``JSONValue`` as YAML, with intrinsic functions in their long form (`Ref:`, `Fn::GetAtt:`), as
/// CDK writes YAML.
///
/// Long form is deliberate: it survives every YAML tool unchanged, and reading it back gives the same tree.
/// Strings that a YAML reader would take for another type (`'2012-10-17'`, `'true'`, `'300'`) are quoted.
///
/// ```swift
/// let yaml = try YAMLWriter().string(from: template.json)
/// ```
public struct YAMLWriter: Sendable {
    /// A writer with two-space indentation and no line wrapping.
    public init() {}

    /// The YAML text of `value`, ending with a newline.
    public func string(from value: JSONValue) throws -> String {
        try Yams.serialize(node: NodeBuilder().node(for: value), indent: 2, width: -1, allowUnicode: true)
    }

    /// Builds Yams nodes, sharing one tag object per kind: creating a `Tag` is costly, and the emitter never
    /// writes scalar tags anyway.
    private struct NodeBuilder {
        let null = Tag(.null), bool = Tag(.bool), number = Tag(.float), string = Tag(.str)
        let sequence = Tag(.seq), mapping = Tag(.map)

        func node(for value: JSONValue) -> Node {
            switch value {
            case .null: return .scalar(.init("null", null, .plain))
            case .bool(let flag): return .scalar(.init(flag ? "true" : "false", bool, .plain))
            case .number(let number): return .scalar(.init(JSONNumberFormat.string(number), self.number, .plain))
            case .numberText(let text): return .scalar(.init(text, self.number, .plain))
            case .string(let text): return scalar(text)
            case .array(let elements):
                return .sequence(.init(elements.map(node(for:)), sequence, elements.isEmpty ? .flow : .block))
            case .object(let members):
                let pairs = members.map { key, member in (scalar(key), node(for: member)) }
                return .mapping(.init(pairs, mapping, members.isEmpty ? .flow : .block))
            }
        }

        func scalar(_ text: String) -> Node {
            .scalar(.init(text, string, YAMLWriter.style(for: text)))
        }
    }

    /// Plain where a YAML reader reads the text back as the same string; quoted otherwise.
    static func style(for string: String) -> Node.Scalar.Style {
        if string.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{7F}" }) { return .doubleQuoted }
        guard let first = string.first else { return .singleQuoted }
        if "0123456789-+.~<=".contains(first) { return .singleQuoted }
        if ambiguousWords.contains(string.lowercased()) { return .singleQuoted }
        return .plain
    }

    /// Words a YAML 1.1 or 1.2 reader turns into Booleans or null.
    private static let ambiguousWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null"]
}
