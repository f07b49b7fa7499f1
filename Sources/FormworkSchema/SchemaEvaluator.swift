import Foundation
import FormworkTemplate
import OrderedCollections

/// Checks a value against a resource provider schema: the subset of JSON Schema the CloudFormation registry
/// uses (`$ref`, `type`, `properties`, `additionalProperties`, `required`, `enum`, `pattern`, lengths,
/// bounds, item counts, `oneOf`/`anyOf`/`allOf`).
///
/// It checks values as CloudFormation reads them: a number or Boolean may be written as a string, and an
/// intrinsic function is accepted wherever it can yield the value.
struct SchemaEvaluator {
    /// The resource schema, for `#/definitions/...` references.
    let root: JSONValue
    /// Compiled `pattern`s, shared by every check of one validation.
    let patterns: PatternCache
    /// The depth of `path` at which a resource's own properties are (`Resources.X.Properties.Y`).
    let propertyDepth: Int
    private(set) var issues: [ValidationIssue] = []

    init(root: JSONValue, patterns: PatternCache, propertyDepth: Int) {
        self.root = root
        self.patterns = patterns
        self.propertyDepth = propertyDepth
    }

    mutating func check(_ value: JSONValue, against schema: JSONValue, path: [String]) {
        guard case .object(var keywords) = schema else { return }
        if case .string(let reference)? = keywords["$ref"] {
            keywords.removeValue(forKey: "$ref")
            check(value, against: resolve(reference), path: path)
        }
        if let intrinsic = IntrinsicFunction(value) {
            return checkIntrinsic(intrinsic, against: keywords, path: path)
        }
        for member in keywords["allOf"]?.arrayValue ?? [] { check(value, against: member, path: path) }
        for key in ["oneOf", "anyOf"] {
            if let branches = keywords[key]?.arrayValue, !branches.isEmpty { checkAlternatives(value, branches, path: path) }
        }
        guard matchesType(value, keywords["type"], path: path) else { return }
        switch value {
        case .string(let string): checkString(string, keywords, path: path)
        case .number(let number): checkNumber(number, keywords, path: path)
        case .array(let elements): checkArray(elements, keywords, path: path)
        case .object(let members): checkObject(members, keywords, path: path)
        case .bool, .null: checkEnum(value, keywords, path: path)
        }
    }

    private func resolve(_ reference: String) -> JSONValue {
        guard reference.hasPrefix("#/") else { return [:] }
        var node = root
        for key in reference.dropFirst(2).split(separator: "/") { node = node[String(key)] ?? [:] }
        return node
    }

    private mutating func report(_ rule: String, _ path: [String], _ message: String) {
        issues.append(ValidationIssue(.error, rule: rule, path: path, message))
    }

    // MARK: Intrinsics and alternatives

    private mutating func checkIntrinsic(_ intrinsic: IntrinsicFunction, against keywords: OrderedDictionary<String, JSONValue>, path: [String]) {
        if intrinsic.isNoValue { return }
        if let branches = intrinsic.branches {
            for branch in branches { check(branch, against: .object(keywords), path: path) }
            return
        }
        let allowed = Self.types(keywords["type"])
        guard !allowed.isEmpty else { return }
        let yields: Set<String> = switch intrinsic.yield {
        case .string: ["string", "number", "integer", "boolean"]
        case .list: ["array"]
        case .number: ["number", "integer", "string"]
        case .any: allowed
        }
        if allowed.isDisjoint(with: yields) {
            report("wrong-type", path, "\(intrinsic.name) yields \(intrinsic.yield == .list ? "a list" : "a \(intrinsic.yield)"), but this property needs \(Self.describe(allowed))")
        }
    }

    private mutating func checkAlternatives(_ value: JSONValue, _ branches: [JSONValue], path: [String]) {
        var best: [ValidationIssue]?
        for branch in branches {
            var trial = SchemaEvaluator(root: root, patterns: patterns, propertyDepth: propertyDepth)
            trial.check(value, against: branch, path: path)
            if trial.issues.isEmpty { return }
            if trial.issues.count < best?.count ?? .max { best = trial.issues }
        }
        issues += best ?? []
    }

    // MARK: Types

    private static func types(_ keyword: JSONValue?) -> Set<String> {
        switch keyword {
        case .string(let type)?: [type]
        case .array(let types)?: Set(types.compactMap(\.stringValue))
        default: []
        }
    }

    private static func describe(_ types: Set<String>) -> String {
        let names = types.sorted().map { type in
            switch type {
            case "array": "a list"
            case "object": "an object"
            case "integer": "an integer"
            default: "a \(type)"
            }
        }
        return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// The schema types a value can be read as, with CloudFormation's coercions of strings and numbers.
    private static func readableTypes(of value: JSONValue) -> Set<String> {
        switch value {
        case .null: return []
        case .bool: return ["boolean", "string"]
        case .number(let number): return number == number.rounded() ? ["number", "integer", "string"] : ["number", "string"]
        case .string(let string):
            var types: Set<String> = ["string"]
            if Double(string) != nil { types.insert("number") }
            if Int(string) != nil { types.insert("integer") }
            if string == "true" || string == "false" { types.insert("boolean") }
            return types
        case .array: return ["array"]
        case .object: return ["object"]
        }
    }

    private mutating func matchesType(_ value: JSONValue, _ keyword: JSONValue?, path: [String]) -> Bool {
        let allowed = Self.types(keyword)
        guard !allowed.isEmpty else { return true }
        guard allowed.isDisjoint(with: Self.readableTypes(of: value)) else { return true }
        let found = value == .null ? "null" : value.kindName == "array" ? "a list" : "\(value.kindName == "object" ? "an" : "a") \(value.kindName)"
        report("wrong-type", path, "expected \(Self.describe(allowed)), found \(found)")
        return false
    }

    // MARK: Scalars

    private mutating func checkEnum(_ value: JSONValue, _ keywords: OrderedDictionary<String, JSONValue>, path: [String]) {
        guard let allowed = keywords["enum"]?.arrayValue else { return }
        let text = value.scalarText
        guard !allowed.contains(where: { $0 == value || $0.scalarText == text }) else { return }
        let choices = allowed.map(\.scalarText)
        let listed = choices.count <= 12 ? ": \(choices.joined(separator: ", "))" : " (\(choices.count) values, such as \(choices.prefix(5).joined(separator: ", ")))"
        report("enum", path, "'\(text)' is not one of the allowed values\(listed).\(Suggestion.phrase(for: text, among: choices))")
    }

    private mutating func checkString(_ string: String, _ keywords: OrderedDictionary<String, JSONValue>, path: [String]) {
        checkEnum(.string(string), keywords, path: path)
        let length = string.unicodeScalars.count
        if let minimum = keywords["minLength"]?.numberValue, Double(length) < minimum {
            report("length", path, "'\(string)' is \(length) characters long; the minimum is \(Int(minimum))")
        }
        if let maximum = keywords["maxLength"]?.numberValue, Double(length) > maximum {
            report("length", path, "the value is \(length) characters long; the maximum is \(Int(maximum))")
        }
        if case .string(let pattern)? = keywords["pattern"], let regex = patterns.regex(pattern),
           regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) == nil {
            report("pattern", path, "'\(string)' does not match the pattern \(pattern)")
        }
        if let number = Double(string), keywords["minimum"] != nil || keywords["maximum"] != nil {
            checkNumber(number, keywords, path: path, checkingEnum: false)
        }
    }

    private mutating func checkNumber(_ number: Double, _ keywords: OrderedDictionary<String, JSONValue>, path: [String], checkingEnum: Bool = true) {
        if checkingEnum { checkEnum(.number(number), keywords, path: path) }
        let text = JSONValue.number(number).scalarText
        if let minimum = keywords["minimum"]?.numberValue, number < minimum {
            report("range", path, "\(text) is below the minimum \(JSONValue.number(minimum).scalarText)")
        }
        if let maximum = keywords["maximum"]?.numberValue, number > maximum {
            report("range", path, "\(text) is above the maximum \(JSONValue.number(maximum).scalarText)")
        }
    }

    // MARK: Containers

    private mutating func checkArray(_ elements: [JSONValue], _ keywords: OrderedDictionary<String, JSONValue>, path: [String]) {
        if let minimum = keywords["minItems"]?.numberValue, Double(elements.count) < minimum {
            report("item-count", path, "the list has \(elements.count) item\(elements.count == 1 ? "" : "s"); it needs at least \(Int(minimum))")
        }
        if let maximum = keywords["maxItems"]?.numberValue, Double(elements.count) > maximum {
            report("item-count", path, "the list has \(elements.count) items; at most \(Int(maximum)) are allowed")
        }
        guard let items = keywords["items"], case .object = items else { return }
        for (index, element) in elements.enumerated() {
            check(element, against: items, path: path + [String(index)])
        }
    }

    private mutating func checkObject(_ members: OrderedDictionary<String, JSONValue>, _ keywords: OrderedDictionary<String, JSONValue>, path: [String]) {
        let properties = keywords["properties"]?.objectValue ?? [:]
        let patternProperties = keywords["patternProperties"]?.objectValue ?? [:]
        let isResourceLevel = path.count == propertyDepth - 1
        for (name, value) in members {
            if IntrinsicFunction(value)?.isNoValue == true { continue }
            let memberPath = path + [name]
            if let schema = properties[name] {
                check(value, against: schema, path: memberPath)
            } else if let (_, schema) = patternProperties.first(where: { pattern, _ in patterns.regex(pattern)?.matches(name) == true }) {
                check(value, against: schema, path: memberPath)
            } else if keywords["additionalProperties"] == .bool(false) {
                let suggestion = Suggestion.phrase(for: name, among: Array(properties.keys))
                if isResourceLevel {
                    report("unknown-property", memberPath, "'\(name)' is not a property of this resource type.\(suggestion)")
                } else {
                    report("additional-property", memberPath, "'\(name)' is not allowed here; expected one of \(properties.keys.joined(separator: ", ")).\(suggestion)")
                }
            }
        }
        for required in keywords["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            let present = members[required].map { IntrinsicFunction($0)?.isNoValue != true } ?? false
            if !present {
                report("missing-required", path, "the required property '\(required)' is missing")
            }
        }
    }
}

extension JSONValue {
    /// A scalar as text, for messages and enum comparisons.
    var scalarText: String {
        switch self {
        case .string(let string): string
        case .number, .bool, .null: JSONWriter(style: .compact).string(from: self)
        case .array, .object: JSONWriter(style: .compact).string(from: self)
        }
    }
}

/// Compiles each `pattern` once per validation. Patterns that are not valid ICU expressions are skipped.
final class PatternCache: @unchecked Sendable {
    private var compiled: [String: NSRegularExpression?] = [:]
    private let lock = NSLock()

    func regex(_ pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = compiled[pattern] { return cached }
        let regex = try? NSRegularExpression(pattern: pattern)
        compiled[pattern] = regex
        return regex
    }
}

extension NSRegularExpression {
    func matches(_ string: String) -> Bool {
        firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }
}
