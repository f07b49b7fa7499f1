import OrderedCollections
import Yams

/// Parses CloudFormation YAML into a ``JSONValue``, turning short-form tags into the long form.
///
/// Every short-form tag is understood: `!Ref`, `!GetAtt` (`!GetAtt A.B` and `!GetAtt [A, B]`), `!Sub`,
/// `!Join`, `!Select`, `!Split`, `!If`, `!Equals`, `!And`, `!Or`, `!Not`, `!FindInMap`, `!ImportValue`,
/// `!Base64`, `!Cidr`, `!GetAZs`, `!Condition`, `!Transform`, and the rule functions (`!Contains`, ...).
/// A quoted scalar is always a string (`'2012-10-17'`, `!GetAZs ''`). Duplicate keys are an error, and so is
/// an alias expansion that would grow the tree beyond ``maximumNodesPerByte`` nodes per byte of input
/// (the "billion laughs" attack).
public enum YAMLReader {
    /// The expanded tree may hold at most this many nodes per byte of YAML text. A document without
    /// aliases never comes near it: every node needs at least two bytes.
    public static let maximumNodesPerByte = 4

    /// The value in `text`, or a ``SourceError`` that says where and why it is not a valid template.
    public static func parse(_ text: String) throws(SourceError) -> JSONValue {
        try parse(text, recordingPositions: false).value
    }

    /// The value in `text` and where each of its values stands in the text.
    public static func parseWithSourceMap(_ text: String) throws(SourceError) -> (value: JSONValue, sourceMap: SourceMap) {
        try parse(text, recordingPositions: true)
    }

    private static func parse(_ text: String, recordingPositions: Bool) throws(SourceError) -> (value: JSONValue, sourceMap: SourceMap) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw SourceError(yamlError: error)
        } catch {
            throw SourceError(line: 1, column: 1, message: "\(error)")
        }
        guard let root else { throw SourceError(line: 1, column: 1, message: "the document is empty") }
        var converter = Converter(nodeBudget: maximumNodesPerByte * text.utf8.count + 1_000, recordsPositions: recordingPositions)
        let value = try converter.convert(root)
        return (value, converter.sourceMap)
    }
}

extension YAMLReader {
    /// Short-form tags and the long-form keys they stand for.
    static let shortFormTags: [String: String] = {
        var tags: [String: String] = ["!Ref": "Ref", "!Condition": "Condition"]
        let functions = [
            "And", "Base64", "Cidr", "Contains", "EachMemberEquals", "EachMemberIn", "Equals", "FindInMap",
            "ForEach", "GetAZs", "GetAtt", "If", "ImportValue", "Join", "Length", "Not", "Or", "RefAll",
            "Select", "Split", "Sub", "ToJsonString", "Transform", "ValueOf", "ValueOfAll",
        ]
        for function in functions { tags["!\(function)"] = "Fn::\(function)" }
        return tags
    }()

    private struct Converter {
        var nodeBudget: Int
        let recordsPositions: Bool
        var path: [String] = []
        var sourceMap = SourceMap()

        init(nodeBudget: Int, recordsPositions: Bool) {
            self.nodeBudget = nodeBudget
            self.recordsPositions = recordsPositions
        }

        mutating func record(_ node: Node) {
            guard recordsPositions, let mark = node.mark, sourceMap.positions[path] == nil else { return }
            sourceMap.positions[path] = SourceMap.Position(line: mark.line, column: mark.column)
        }

        mutating func convert(_ node: Node) throws(SourceError) -> JSONValue {
            nodeBudget -= 1
            guard nodeBudget >= 0 else {
                throw error(at: node, "aliases expand to more than \(YAMLReader.maximumNodesPerByte) nodes per byte of input; refusing to expand further")
            }
            record(node)
            let tag = node.tag.description
            if tag.hasPrefix("!"), tag != "!" {
                return try convertShortForm(node, tag: tag)
            }
            switch node {
            case .scalar(let scalar): return try convertScalar(scalar, tag: tag, node: node)
            case .sequence(let sequence):
                var elements: [JSONValue] = []
                elements.reserveCapacity(sequence.count)
                for element in sequence {
                    if recordsPositions { path.append(String(elements.count)) }
                    elements.append(try convert(element))
                    if recordsPositions { path.removeLast() }
                }
                return .array(elements)
            case .mapping(let mapping):
                var members = OrderedDictionary<String, JSONValue>()
                for (key, value) in mapping {
                    guard case .scalar(let keyScalar) = key else {
                        throw error(at: key, "a mapping key must be a plain string")
                    }
                    guard members[keyScalar.string] == nil else {
                        throw error(at: key, "duplicate key '\(keyScalar.string)'")
                    }
                    if recordsPositions {
                        path.append(keyScalar.string)
                        record(key)
                    }
                    members[keyScalar.string] = try convert(value)
                    if recordsPositions { path.removeLast() }
                }
                return .object(members)
            case .alias:
                throw error(at: node, "unresolved alias")
            }
        }

        mutating func convertShortForm(_ node: Node, tag: String) throws(SourceError) -> JSONValue {
            guard let function = YAMLReader.shortFormTags[tag] else {
                throw error(at: node, "unknown tag '\(tag)'; CloudFormation understands !Ref, !GetAtt, !Sub, !Join and the other Fn:: short forms")
            }
            let argument: JSONValue
            switch node {
            case .scalar(let scalar):
                // A tagged scalar is a string argument, whatever it looks like: `!Ref 123`, `!GetAZs ''`.
                argument = .string(scalar.string)
            case .sequence, .mapping, .alias:
                argument = try convert(node.untagged)
            }
            if function == "Fn::GetAtt", case .string(let dotted) = argument {
                guard let dot = dotted.firstIndex(of: ".") else {
                    throw error(at: node, "!GetAtt needs 'LogicalId.Attribute', found '\(dotted)'")
                }
                return .getAtt(String(dotted[..<dot]), String(dotted[dotted.index(after: dot)...]))
            }
            return .intrinsic(function, argument)
        }

        func convertScalar(_ scalar: Node.Scalar, tag: String, node: Node) throws(SourceError) -> JSONValue {
            let text = scalar.string
            switch Tag.Name(rawValue: tag) {
            case .null: return .null
            case .bool: return .bool(["true", "yes", "on"].contains(text.lowercased()))
            case .int:
                guard let number = YAMLNumber.integer(text) else { throw error(at: node, "'\(text)' is not a number") }
                return .number(number)
            case .float:
                guard let number = YAMLNumber.float(text), number.isFinite else {
                    return .string(text)
                }
                return .number(number)
            default:
                return .string(text)
            }
        }

        func error(at node: Node, _ message: String) -> SourceError {
            SourceError(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
        }
    }
}

extension Node {
    /// The same node without its tag, so that it converts as plain data.
    var untagged: Node {
        switch self {
        case .scalar(var scalar):
            scalar.tag = Tag(.str)
            return .scalar(scalar)
        case .sequence(var sequence):
            sequence.tag = Tag(.seq)
            return .sequence(sequence)
        case .mapping(var mapping):
            mapping.tag = Tag(.map)
            return .mapping(mapping)
        case .alias:
            return self
        }
    }
}

extension SourceError {
    /// A libyaml error, at the line and column libyaml reported.
    init(yamlError: YamlError) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            self.init(line: mark.line, column: mark.column, message: detail)
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(line: context.mark.line, column: context.mark.column,
                      message: "duplicate key '\(duplicates.joined(separator: "', '"))' in one mapping")
        case .reader(let problem, _, _, _):
            self.init(line: 1, column: 1, message: problem)
        default:
            self.init(line: 1, column: 1, message: "\(yamlError)")
        }
    }
}

/// YAML 1.1 number syntax, as Yams resolves it.
enum YAMLNumber {
    static func integer(_ text: String) -> Double? {
        var digits = text.replacingOccurrences(of: "_", with: "")
        var sign = 1.0
        if digits.hasPrefix("-") || digits.hasPrefix("+") {
            if digits.hasPrefix("-") { sign = -1 }
            digits.removeFirst()
        }
        let value: Int?
        if digits.hasPrefix("0x") {
            value = Int(digits.dropFirst(2), radix: 16)
        } else if digits.hasPrefix("0b") {
            value = Int(digits.dropFirst(2), radix: 2)
        } else if digits.hasPrefix("0o") {
            value = Int(digits.dropFirst(2), radix: 8)
        } else if digits.count > 1, digits.hasPrefix("0") {
            value = Int(digits.dropFirst(), radix: 8)
        } else if digits.contains(":") {
            value = digits.split(separator: ":").reduce(Optional(0)) { total, part in
                guard let total, let part = Int(part) else { return nil }
                return total * 60 + part
            }
        } else {
            value = Int(digits)
        }
        return value.map { sign * Double($0) }
    }

    static func float(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: "_", with: ""))
    }
}
