import Foundation
import Synchronization
import FormworkTemplate
import OrderedCollections

/// A resource provider schema compiled for fast checking: keywords read once into typed fields, `$ref`s
/// turned into indices of the schema's definitions, each definition compiled the first time a value reaches it
/// (most values reach few of a large schema's definitions).
public struct CompiledResourceSchema: Sendable {
    /// The schema of the resource's `Properties` object.
    let root: CompiledSchema
    /// The `definitions`, which `CompiledSchema.reference` indexes.
    private let definitions: Definitions

    /// Compiles a registry schema.
    init(_ schema: JSONValue) {
        let names = schema["definitions"]?.objectValue?.keys.elements ?? []
        let indices = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let compiler = SchemaCompiler(definitionIndices: indices)
        definitions = Definitions(sources: names.map { schema["definitions"]?[$0] ?? [:] }, compiler: compiler)
        root = compiler.compile(schema)
    }

    /// The definition at `index`, compiled on first use; `nil` for an index the schema does not have.
    func definition(at index: Int) -> CompiledSchema? {
        definitions.compiled(at: index)
    }

    /// A schema's definitions, each compiled once, when first asked for.
    private final class Definitions: Sendable {
        let sources: [JSONValue]
        let compiler: SchemaCompiler
        let compiled: Mutex<[CompiledSchema?]>

        init(sources: [JSONValue], compiler: SchemaCompiler) {
            self.sources = sources
            self.compiler = compiler
            self.compiled = Mutex(Array(repeating: nil, count: sources.count))
        }

        func compiled(at index: Int) -> CompiledSchema? {
            guard sources.indices.contains(index) else { return nil }
            if let known = compiled.withLock({ $0[index] }) { return known }
            let definition = compiler.compile(sources[index])
            return compiled.withLock { compiled in
                if let known = compiled[index] { return known }
                compiled[index] = definition
                return definition
            }
        }
    }
}

/// The JSON types a schema allows, as a bit set.
struct SchemaTypes: OptionSet, Sendable {
    let rawValue: UInt8
    static let string = SchemaTypes(rawValue: 1 << 0)
    static let number = SchemaTypes(rawValue: 1 << 1)
    static let integer = SchemaTypes(rawValue: 1 << 2)
    static let boolean = SchemaTypes(rawValue: 1 << 3)
    static let array = SchemaTypes(rawValue: 1 << 4)
    static let object = SchemaTypes(rawValue: 1 << 5)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(name: String) {
        switch name {
        case "string": self = .string
        case "number": self = .number
        case "integer": self = .integer
        case "boolean": self = .boolean
        case "array": self = .array
        case "object": self = .object
        default: self = []
        }
    }

    /// "a string", "an integer or a list", ...
    var phrase: String {
        let names: [(SchemaTypes, String)] = [
            (.array, "a list"), (.boolean, "a boolean"), (.integer, "an integer"), (.number, "a number"),
            (.object, "an object"), (.string, "a string"),
        ]
        let parts = names.filter { contains($0.0) }.map(\.1)
        return parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " or " + (parts.last ?? "")
    }
}

/// A `pattern`, compiled the first time a value is matched against it: compiling is most of the cost of
/// compiling a schema, and most patterns never see a value.
///
/// A value of plain ASCII is matched by ``BoundedRegex`` when the pattern is in its syntax (most are): in linear
/// time, on the value's bytes, with ICU's verdict (`BoundedRegexTests` compares them on every pattern of the
/// schemas). Any other value, and any other pattern, goes to `NSRegularExpression`, compiled when first needed.
/// `NSRegularExpression` is immutable and documented as safe to share between threads; the lock guards the
/// one-time compilations.
final class SchemaPattern: @unchecked Sendable {
    let source: String
    private let lock = NSLock()
    /// `nil` until compiled; then the linear-time program, or `.some(nil)` when the source is outside its syntax.
    private var bounded: BoundedRegex??
    /// `nil` until compiled; then the expression, or `.some(nil)` when the source does not compile.
    private var compiled: NSRegularExpression??

    init(source: String) {
        self.source = source
    }

    /// Whether `string` matches; a pattern that does not compile matches everything (it checks nothing).
    func matches(_ string: String) -> Bool {
        if let verdict = boundedRegex?.firstMatchIfPlainASCII(string) { return verdict }
        guard let regex else { return true }
        return regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }

    private var boundedRegex: BoundedRegex? {
        lock.lock()
        defer { lock.unlock() }
        if let bounded { return bounded }
        let regex = BoundedRegex(source)
        bounded = .some(regex)
        return regex
    }

    private var regex: NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return compiled }
        let regex = Self.expression(for: source)
        compiled = .some(regex)
        return regex
    }

    /// The expressions compiled so far, by source: many schemas share their patterns (tag keys, ARNs), and
    /// compiling one costs more than matching thousands of values.
    private static let expressions = Mutex<[String: NSRegularExpression?]>([:])

    private static func expression(for source: String) -> NSRegularExpression? {
        if let known = expressions.withLock({ $0[source] }) { return known }
        let regex = try? NSRegularExpression(pattern: source)
        expressions.withLock { $0[source] = .some(regex) }
        return regex
    }
}

/// One compiled schema node. A class, so that nested nodes share storage; every field is a constant.
final class CompiledSchema: Sendable {
    let reference: Int?
    let types: SchemaTypes
    let allowedValues: [JSONValue]?
    let pattern: SchemaPattern?
    let minLength: Int?
    let maxLength: Int?
    let minimum: Double?
    let maximum: Double?
    let minItems: Int?
    let maxItems: Int?
    let items: CompiledSchema?
    /// `properties`, found by name.
    let propertyLookup: PropertyLookup
    /// The text of each of ``allowedValues`` (`scalarText`): a value is allowed when its text is one of them.
    let allowedTexts: Set<String>?
    /// Property names in schema order, for messages.
    var propertyNames: [String] { propertyLookup.names }
    let patternProperties: [(SchemaPattern, CompiledSchema)]
    /// `additionalProperties: false`.
    let isClosed: Bool
    let required: [String]
    let allOf: [CompiledSchema]
    /// `oneOf` and `anyOf`: the value must match one of them.
    let alternatives: [[CompiledSchema]]
    /// `if`/`then`/`else`: the checks that apply when the value surely matches `if`, or surely does not.
    let condition: (when: CompiledSchema, then: CompiledSchema?, otherwise: CompiledSchema?)?
    /// The Boolean schema `false`: nothing is allowed (a property that must not be set).
    let isFalse: Bool
    /// `not`: the value must not match this schema (cfn-lint's extension schemas: `"not": {"const": ...}` in
    /// an `if`).
    let negation: CompiledSchema?
    /// `contains`: a list must hold at least one element matching this schema.
    let containing: CompiledSchema?
    /// `dependentRequired`: a property that, when set, requires others; by name.
    let dependentRequired: [(name: String, others: [String])]
    /// `dependentExcluded`: a property that, when set, excludes others; by name.
    let dependentExcluded: [(name: String, others: [String])]
    /// `description`, which cfn-lint's extension schemas use to say what their rule asks.
    let summary: String?
    /// cfn-lint's `requiredXor`: exactly one of these properties is set.
    let requiredExactlyOne: [String]
    /// cfn-lint's `requiredOr`: at least one of these properties is set.
    let requiredAtLeastOne: [String]
    /// cfn-lint's `enumCaseInsensitive`: the allowed values, in any case.
    let caseInsensitiveValues: [String]?
    /// `format`, when it is one Formwork checks.
    let format: StringFormat?
    /// `uniqueItems`: no two elements of a list are equal.
    let requiresUniqueItems: Bool
    /// `propertyNames`: what each name of an object must match (cfn-lint: Lambda's reserved environment
    /// variables).
    let nameSchema: CompiledSchema?

    init(
        reference: Int?, types: SchemaTypes, allowedValues: [JSONValue]?, pattern: SchemaPattern?,
        minLength: Int?, maxLength: Int?, minimum: Double?, maximum: Double?, minItems: Int?, maxItems: Int?,
        items: CompiledSchema?, properties: OrderedDictionary<String, CompiledSchema>,
        patternProperties: [(SchemaPattern, CompiledSchema)], isClosed: Bool, required: [String],
        allOf: [CompiledSchema], alternatives: [[CompiledSchema]],
        condition: (when: CompiledSchema, then: CompiledSchema?, otherwise: CompiledSchema?)? = nil, isFalse: Bool = false,
        negation: CompiledSchema? = nil, containing: CompiledSchema? = nil,
        dependentRequired: [String: [String]] = [:], dependentExcluded: [String: [String]] = [:], summary: String? = nil,
        requiredExactlyOne: [String] = [], requiredAtLeastOne: [String] = [], caseInsensitiveValues: [String]? = nil,
        format: StringFormat? = nil, requiresUniqueItems: Bool = false, nameSchema: CompiledSchema? = nil
    ) {
        self.nameSchema = nameSchema
        self.format = format
        self.requiresUniqueItems = requiresUniqueItems
        self.requiredExactlyOne = requiredExactlyOne
        self.requiredAtLeastOne = requiredAtLeastOne
        self.caseInsensitiveValues = caseInsensitiveValues
        self.condition = condition
        self.isFalse = isFalse
        self.negation = negation
        self.containing = containing
        self.dependentRequired = dependentRequired.sorted { $0.key < $1.key }.map { (name: $0.key, others: $0.value) }
        self.dependentExcluded = dependentExcluded.sorted { $0.key < $1.key }.map { (name: $0.key, others: $0.value) }
        self.summary = summary
        self.reference = reference
        self.types = types
        self.allowedValues = allowedValues
        self.allowedTexts = allowedValues.map { Set($0.map(\.scalarText)) }
        self.pattern = pattern
        self.minLength = minLength
        self.maxLength = maxLength
        self.minimum = minimum
        self.maximum = maximum
        self.minItems = minItems
        self.maxItems = maxItems
        self.items = items
        self.propertyLookup = PropertyLookup(properties)
        self.patternProperties = patternProperties
        self.isClosed = isClosed
        self.required = required
        self.allOf = allOf
        self.alternatives = alternatives
    }
}

/// Turns schema JSON into ``CompiledSchema`` nodes. Patterns that are not valid ICU expressions are left out.
struct SchemaCompiler: Sendable {
    let definitionIndices: [String: Int]

    func compile(_ schema: JSONValue) -> CompiledSchema {
        if schema == .bool(false) {
            return CompiledSchema(
                reference: nil, types: [], allowedValues: nil, pattern: nil, minLength: nil, maxLength: nil,
                minimum: nil, maximum: nil, minItems: nil, maxItems: nil, items: nil, properties: [:],
                patternProperties: [], isClosed: false, required: [], allOf: [], alternatives: [], isFalse: true)
        }
        let keywords = schema.objectValue ?? [:]
        var reference: Int?
        if case .string(let ref)? = keywords["$ref"], ref.hasPrefix("#/definitions/") {
            reference = definitionIndices[String(ref.dropFirst("#/definitions/".count))]
        }
        var types: SchemaTypes = []
        switch keywords["type"] {
        case .string(let name)?: types = SchemaTypes(name: name)
        case .array(let names)?: for name in names.compactMap(\.stringValue) { types.formUnion(SchemaTypes(name: name)) }
        default: break
        }
        let properties = keywords["properties"]?.objectValue ?? [:]
        let patternProperties = (keywords["patternProperties"]?.objectValue ?? [:]).map { source, value in
            (SchemaPattern(source: source), compile(value))
        }
        func int(_ key: String) -> Int? { keywords[key]?.numberValue.flatMap { Int(exactly: $0) } }
        let alternatives = ["oneOf", "anyOf"].compactMap { key -> [CompiledSchema]? in
            guard let branches = keywords[key]?.arrayValue, !branches.isEmpty else { return nil }
            return branches.map(compile)
        }
        var allowed = keywords["enum"]?.arrayValue
        if let constant = keywords["const"] { allowed = [constant] }
        return CompiledSchema(
            reference: reference,
            types: types,
            allowedValues: allowed,
            pattern: keywords["pattern"]?.stringValue.map(SchemaPattern.init(source:)),
            minLength: int("minLength"), maxLength: int("maxLength"),
            minimum: keywords["minimum"]?.numberValue, maximum: keywords["maximum"]?.numberValue,
            minItems: int("minItems"), maxItems: int("maxItems"),
            items: keywords["items"].flatMap { $0.objectValue != nil ? compile($0) : nil },
            properties: properties.mapValues(compile),
            patternProperties: patternProperties,
            isClosed: keywords["additionalProperties"] == .bool(false),
            required: keywords["required"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            allOf: keywords["allOf"]?.arrayValue?.map(compile) ?? [],
            alternatives: alternatives,
            condition: keywords["if"].map { (compile($0), keywords["then"].map(compile), keywords["else"].map(compile)) },
            negation: keywords["not"].map(compile),
            containing: keywords["contains"].map(compile),
            dependentRequired: Self.dependencies(keywords["dependentRequired"]),
            dependentExcluded: Self.dependencies(keywords["dependentExcluded"]),
            summary: keywords["description"]?.stringValue,
            requiredExactlyOne: keywords["requiredXor"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            requiredAtLeastOne: keywords["requiredOr"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            caseInsensitiveValues: keywords["enumCaseInsensitive"]?.arrayValue?.compactMap(\.stringValue),
            format: keywords["format"]?.stringValue.flatMap(StringFormat.init(name:)),
            requiresUniqueItems: keywords["uniqueItems"] == .bool(true),
            nameSchema: keywords["propertyNames"].flatMap { $0.objectValue != nil ? compile($0) : nil })
    }

    /// `{"A": ["B", "C"]}` of `dependentRequired` and `dependentExcluded`.
    private static func dependencies(_ value: JSONValue?) -> [String: [String]] {
        (value?.objectValue ?? [:]).reduce(into: [:]) { result, entry in result[entry.key] = entry.value.arrayValue?.compactMap(\.stringValue) ?? [] }
    }
}
