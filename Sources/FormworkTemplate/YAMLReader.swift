import CYaml
import OrderedCollections
import Yams

/// Parses CloudFormation YAML into a ``JSONValue``, turning short-form tags into the long form.
///
/// Every short-form tag is understood: `!Ref`, `!GetAtt` (`!GetAtt A.B` and `!GetAtt [A, B]`), `!Sub`,
/// `!Join`, `!Select`, `!Split`, `!If`, `!Equals`, `!And`, `!Or`, `!Not`, `!FindInMap`, `!ImportValue`,
/// `!Base64`, `!Cidr`, `!GetAZs`, `!Condition`, `!Transform`, and the rule functions (`!Contains`, ...).
/// A quoted scalar is always a string (`'2012-10-17'`, `!GetAZs ''`).
///
/// The reader builds the tree straight from libyaml's events, so what a hostile document can make it do
/// is bounded by its size: an alias costs what its anchor's value costs, and is refused when the expanded
/// tree would pass ``maximumExpansion`` bytes or ``maximumDepth`` levels (the "billion laughs" attack and its
/// deep variant); duplicate keys, tags on keys, aliases as keys and tags CloudFormation does not know are
/// errors, never silently read as something else.
public enum YAMLReader {
    /// Nesting deeper than this (directly or through aliases) is an error.
    public static let maximumDepth = JSONReader.maximumDepth

    /// The expanded tree, measured as the bytes of its compact JSON text, may be at most this many times the
    /// size of the YAML text plus ``expansionAllowance``. A document without aliases never comes near it.
    public static let maximumExpansion = 8

    /// Bytes of expansion every document may use, however small: small documents may reuse anchors freely.
    public static let expansionAllowance = 1 << 20

    /// The value in `text`, or a ``SourceError`` that says where and why it is not a valid template.
    public static func parse(_ text: String) throws(SourceError) -> JSONValue {
        try parse(text, recordingPositions: false).value
    }

    /// The value in `text` and where each of its values stands in the text.
    public static func parseWithSourceMap(_ text: String) throws(SourceError) -> (value: JSONValue, sourceMap: SourceMap) {
        try parse(text, recordingPositions: true)
    }

    private static func parse(_ text: String, recordingPositions: Bool) throws(SourceError) -> (value: JSONValue, sourceMap: SourceMap) {
        var text = text
        let composed = text.withUTF8 { bytes in
            var composer = YAMLComposer(
                bytes: bytes,
                budget: maximumExpansion * bytes.count + expansionAllowance,
                recordsPositions: recordingPositions
            )
            defer { composer.close() }
            return Result { () throws(SourceError) in (try composer.document(), composer.sourceMap) }
        }
        return try composed.get()
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
}

/// Builds a ``JSONValue`` from libyaml's event stream, one document.
private struct YAMLComposer {
    /// A composed value and what expanding it again (through an alias of its anchor) costs.
    struct Composed {
        var value: JSONValue
        /// The bytes of its compact JSON text, roughly.
        var size: Int
        /// Its levels of nesting: 0 for a scalar.
        var depth: Int
    }

    private var parser = yaml_parser_t()
    private let bytes: UnsafeBufferPointer<UInt8>
    private var anchors: [String: Composed] = [:]
    /// Bytes of expanded tree left before the document is refused.
    private var budget: Int
    private let recordsPositions: Bool
    private var path: [String] = []
    /// Where each value stands; the values an alias expands to are not recorded: they stand at the anchor.
    private(set) var sourceMap = SourceMap()

    init(bytes: UnsafeBufferPointer<UInt8>, budget: Int, recordsPositions: Bool) {
        self.bytes = bytes
        self.budget = budget
        self.recordsPositions = recordsPositions
        yaml_parser_initialize(&parser)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    mutating func close() {
        yaml_parser_delete(&parser)
    }

    /// The one document of the stream.
    mutating func document() throws(SourceError) -> JSONValue {
        var event = try next()
        yaml_event_delete(&event)
        var start = try next()
        defer { yaml_event_delete(&start) }
        guard start.type == YAML_DOCUMENT_START_EVENT else {
            throw SourceError(line: 1, column: 1, message: "the document is empty")
        }
        var first = try next()
        let root = try value(startingWith: &first, depth: 0)
        var end = try next()
        defer { yaml_event_delete(&end) }
        var after = try next()
        defer { yaml_event_delete(&after) }
        guard after.type == YAML_STREAM_END_EVENT else {
            throw error(at: after.start_mark, "a template is one YAML document; remove the second document (after '---')")
        }
        return root.value
    }

    /// The next event, or the parser's error at its line and column.
    private mutating func next() throws(SourceError) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw parserError() }
        return event
    }

    /// The value that starts with `event` (deleted here), and its cost.
    private mutating func value(startingWith event: inout yaml_event_t, depth: Int) throws(SourceError) -> Composed {
        defer { yaml_event_delete(&event) }
        if recordsPositions, sourceMap.positions[path] == nil { sourceMap.positions[path] = position(of: event.start_mark) }
        let composed: Composed
        let anchor: UnsafeMutablePointer<yaml_char_t>?
        switch event.type {
        case YAML_ALIAS_EVENT:
            return try alias(event, depth: depth)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            anchor = scalar.anchor
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let tag = scalar.tag.map { String(cString: $0) }
            composed = try self.scalar(text, tag: tag, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, at: event.start_mark)
        case YAML_SEQUENCE_START_EVENT:
            anchor = event.data.sequence_start.anchor
            let tag = event.data.sequence_start.tag.map { String(cString: $0) }
            composed = try collection(tag: tag, at: event.start_mark, depth: depth) { composer, depth throws(SourceError) in
                try composer.sequence(depth: depth)
            }
        case YAML_MAPPING_START_EVENT:
            anchor = event.data.mapping_start.anchor
            let tag = event.data.mapping_start.tag.map { String(cString: $0) }
            composed = try collection(tag: tag, at: event.start_mark, depth: depth) { composer, depth throws(SourceError) in
                try composer.mapping(depth: depth)
            }
        default:
            throw error(at: event.start_mark, "expected a value")
        }
        if let anchor { anchors[String(cString: anchor)] = composed }
        return composed
    }

    /// An alias: its anchor's value, charged at its full expanded size.
    private mutating func alias(_ event: yaml_event_t, depth: Int) throws(SourceError) -> Composed {
        let name = String(cString: event.data.alias.anchor)
        guard let anchored = anchors[name] else {
            throw error(at: event.start_mark, "the alias '*\(name)' names no anchor before it; define '&\(name)' first")
        }
        guard depth + anchored.depth <= YAMLReader.maximumDepth else {
            throw error(at: event.start_mark, "the alias '*\(name)' nests the document deeper than \(YAMLReader.maximumDepth) levels")
        }
        try charge(anchored.size, at: event.start_mark)
        return anchored
    }

    /// Takes `size` bytes from the expansion budget, or refuses the document.
    private mutating func charge(_ size: Int, at mark: yaml_mark_t) throws(SourceError) {
        budget -= size
        guard budget >= 0 else {
            throw error(at: mark, "aliases expand the document to more than \(YAMLReader.maximumExpansion) times its size; refusing to expand further")
        }
    }

    /// A sequence or mapping: a short-form tag makes it an intrinsic function's argument.
    private mutating func collection(
        tag: String?, at mark: yaml_mark_t, depth: Int,
        body: (inout YAMLComposer, Int) throws(SourceError) -> Composed
    ) throws(SourceError) -> Composed {
        guard depth < YAMLReader.maximumDepth else {
            throw error(at: mark, "nesting deeper than \(YAMLReader.maximumDepth) levels")
        }
        guard let tag, !Self.isPlainCollectionTag(tag) else { return try body(&self, depth + 1) }
        guard let function = YAMLReader.shortFormTags[tag] else { throw unknownTag(tag, at: mark) }
        let argument = try body(&self, depth + 2)
        return try intrinsic(function, argument, at: mark)
    }

    private static func isPlainCollectionTag(_ tag: String) -> Bool {
        tag == "!" || tag == "tag:yaml.org,2002:seq" || tag == "tag:yaml.org,2002:map"
    }

    private mutating func sequence(depth: Int) throws(SourceError) -> Composed {
        var elements: [JSONValue] = []
        var size = 2, deepest = 0
        while true {
            var event = try next()
            if event.type == YAML_SEQUENCE_END_EVENT {
                yaml_event_delete(&event)
                break
            }
            // `value(startingWith:)` deletes the event.
            if recordsPositions { path.append(String(elements.count)) }
            let element = try value(startingWith: &event, depth: depth)
            if recordsPositions { path.removeLast() }
            elements.append(element.value)
            size += element.size + 1
            deepest = max(deepest, element.depth)
        }
        return Composed(value: .array(elements), size: size, depth: deepest + 1)
    }

    private mutating func mapping(depth: Int) throws(SourceError) -> Composed {
        var members = OrderedDictionary<String, JSONValue>()
        var size = 2, deepest = 0
        while true {
            var keyEvent = try next()
            defer { yaml_event_delete(&keyEvent) }
            if keyEvent.type == YAML_MAPPING_END_EVENT { break }
            let key = try self.key(keyEvent)
            let keyMark = keyEvent.start_mark
            guard members[key] == nil else { throw error(at: keyMark, "duplicate key '\(key)' in one mapping") }
            if recordsPositions {
                path.append(key)
                sourceMap.positions[path] = position(of: keyMark)
            }
            var valueEvent = try next()
            let member = try value(startingWith: &valueEvent, depth: depth)
            if recordsPositions { path.removeLast() }
            members[key] = member.value
            size += key.utf8.count + member.size + 4
            deepest = max(deepest, member.depth)
        }
        return Composed(value: .object(members), size: size, depth: deepest + 1)
    }

    /// A mapping key: a scalar without a tag (or tagged as a string), read as a string.
    private func key(_ event: yaml_event_t) throws(SourceError) -> String {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            if let tag = scalar.tag.map({ String(cString: $0) }), tag != "!", tag != "tag:yaml.org,2002:str" {
                throw error(at: event.start_mark, "a mapping key cannot have the tag '\(tag)'; write the key as a plain string")
            }
            return String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
        case YAML_ALIAS_EVENT:
            throw error(at: event.start_mark, "a mapping key cannot be an alias; write the key as a plain string")
        default:
            throw error(at: event.start_mark, "a mapping key must be a plain string, not a list or a mapping")
        }
    }

    /// A scalar: a string, number, Boolean or null by its tag, or as YAML resolves a plain scalar.
    private func scalar(_ text: String, tag: String?, plain: Bool, at mark: yaml_mark_t) throws(SourceError) -> Composed {
        let size = text.utf8.count + 2
        let kind: Tag.Name
        switch tag {
        case nil:
            kind = plain ? YAMLScalarResolution.kind(of: text) : .str
        case "!":
            kind = .str
        case let tag? where tag.hasPrefix("tag:yaml.org,2002:"):
            kind = Tag.Name(rawValue: tag)
            guard YAMLScalarResolution.supportedKinds.contains(kind) else { throw unknownTag(tag, at: mark) }
        case let tag?:
            guard let function = YAMLReader.shortFormTags[tag] else { throw unknownTag(tag, at: mark) }
            // A tagged scalar is a string argument, whatever it looks like: `!Ref 123`, `!GetAZs ''`.
            return try intrinsic(function, Composed(value: .string(text), size: size, depth: 0), at: mark)
        }
        do {
            return Composed(value: try YAMLScalarResolution.value(of: text, as: kind), size: size, depth: 0)
        } catch {
            throw self.error(at: mark, error.message)
        }
    }

    /// `{ function: argument }`, with `!GetAtt A.B` split into `[A, B]`.
    private func intrinsic(_ function: String, _ argument: Composed, at mark: yaml_mark_t) throws(SourceError) -> Composed {
        let size = argument.size + function.utf8.count + 6
        if function == "Fn::GetAtt", case .string(let dotted) = argument.value {
            guard let dot = dotted.firstIndex(of: ".") else {
                throw error(at: mark, "!GetAtt needs 'LogicalId.Attribute', found '\(dotted)'")
            }
            return Composed(value: .getAtt(String(dotted[..<dot]), String(dotted[dotted.index(after: dot)...])), size: size, depth: 2)
        }
        return Composed(value: .intrinsic(function, argument.value), size: size, depth: argument.depth + 1)
    }

    private func unknownTag(_ tag: String, at mark: yaml_mark_t) -> SourceError {
        if tag.hasPrefix("!") && !tag.hasPrefix("!!") && !tag.hasPrefix("tag:") {
            return error(at: mark, "unknown tag '\(tag)'; CloudFormation understands !Ref, !GetAtt, !Sub, !Join and the other Fn:: short forms")
        }
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        return error(at: mark, "unsupported tag '\(shown)'; a template holds strings, numbers, Booleans, null, lists and mappings")
    }

    private func position(of mark: yaml_mark_t) -> SourceMap.Position {
        SourceMap.Position(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func error(at mark: yaml_mark_t, _ message: String) -> SourceError {
        let position = position(of: mark)
        return SourceError(line: position.line, column: position.column, message: message)
    }

    /// The parser's error, in words a template author understands.
    private func parserError() -> SourceError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { " " + String(cString: $0) } ?? ""
        let mark = parser.problem_mark
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return SourceError(line: 1, column: 1, message: "out of memory while reading the YAML")
        case YAML_READER_ERROR:
            let position = LineTable(Array(bytes)).position(ofOffset: parser.problem_offset)
            return SourceError(line: position.line, column: position.column, message: problem)
        default:
            let message = problem.hasPrefix("Maximum nesting level") ? "nesting deeper than \(YAMLReader.maximumDepth) levels" : problem + context
            return error(at: mark, message)
        }
    }
}
