import FormworkTemplate
import OrderedCollections

/// Checks a value against a compiled resource provider schema: the subset of JSON Schema the
/// CloudFormation registry uses (`$ref`, `type`, `properties`, `additionalProperties`, `required`, `enum`,
/// `const`, `pattern`, lengths, bounds, item counts, `oneOf`/`anyOf`/`allOf`).
///
/// It checks values as CloudFormation reads them: a number or Boolean may be written as a string, and an
/// intrinsic function is accepted wherever it can yield the value.
struct SchemaEvaluator {
    /// The resource schema, for `$ref`s.
    let resource: CompiledResourceSchema
    /// The depth of `path` at which a resource's own properties are (`Resources.X.Properties.Y`).
    let propertyDepth: Int
    private(set) var issues: [ValidationIssue] = []
    /// How many issues a quiet evaluator found: a trial only counts them (see ``isQuiet``).
    private var quietIssueCount = 0
    /// Set when an intrinsic function stood where a value was checked: the value is known only at deploy.
    private var metUnknown = false

    /// What a `Ref` to each name of the template yields.
    let references: ReferenceKinds

    init(resource: CompiledResourceSchema, propertyDepth: Int, references: ReferenceKinds = ReferenceKinds()) {
        self.resource = resource
        self.propertyDepth = propertyDepth
        self.references = references
    }

    /// Checks `value` at `path`; `path` is restored on return.
    mutating func check(_ value: JSONValue, against schema: CompiledSchema, path: inout [String]) {
        if let reference = schema.reference, let definition = resource.definition(at: reference) {
            check(value, against: definition, path: &path)
        }
        // One look at the value's payload decides both: taking it apart twice copied it twice.
        switch value {
        case .object(let members):
            if let intrinsic = IntrinsicFunction(members) {
                metUnknown = true
                return checkIntrinsic(intrinsic, against: schema, path: &path)
            }
        case .string(let text) where DynamicReference.isIn(text):
            // `{{resolve:ssm:...}}` and the like: CloudFormation puts the value in at deploy.
            metUnknown = true
            for problem in DynamicReference.problems(in: text) { report("dynamic-reference", path, problem) }
            return
        default:
            break
        }
        for member in schema.allOf { check(value, against: member, path: &path) }
        if let condition = schema.condition { checkCondition(value, condition, summary: schema.summary, path: &path) }
        if let negation = schema.negation { checkNegation(value, negation, path: &path) }
        for branches in schema.alternatives { checkAlternatives(value, branches, path: &path) }
        guard matchesType(value, schema.types, path: path) else { return }
        switch value {
        case .string(let string): checkString(string, schema, path: path)
        case .number(let number): checkNumber(number, schema, path: path)
        case .numberText(let text):
            checkEnum(value, schema, path: path)
            if let number = Double(text) { checkBounds(number, schema, path: path) }
        case .array(let elements): checkArray(elements, schema, path: &path)
        case .object(let members): checkObject(members, schema, path: &path)
        case .bool, .null: checkEnum(value, schema, path: path)
        }
    }

    /// Whether a trial is running (`if`, `not`, `contains`, one branch of `oneOf`): the evaluator then only
    /// finds out whether a value matches, counting its issues and recording none, which spares building
    /// issues, their paths and their text that no one reads.
    private var isQuiet = false

    private mutating func report(_ rule: String, _ path: [String], _ message: @autoclosure () -> String) {
        if isQuiet {
            quietIssueCount += 1
        } else {
            issues.append(ValidationIssue(.error, rule: rule, path: path, message()))
        }
    }

    /// What a trial found.
    private struct TrialOutcome {
        /// How many issues the value has against the schema tried.
        let issueCount: Int
        /// Whether an intrinsic function stood where a value was checked.
        let metUnknown: Bool
    }

    /// A trial of `value` against part of the schema (`if`, `not`, `contains`, one branch of `oneOf`): checked
    /// quietly by this evaluator, whose state is restored after. A separate evaluator per trial copied the
    /// resource schema and references each time, a dozen reference-count updates per trial.
    private mutating func trial(_ value: JSONValue, against schema: CompiledSchema, path: inout [String]) -> TrialOutcome {
        let saved = (isQuiet: isQuiet, quietIssueCount: quietIssueCount, metUnknown: metUnknown)
        isQuiet = true
        quietIssueCount = 0
        metUnknown = false
        check(value, against: schema, path: &path)
        let outcome = TrialOutcome(issueCount: quietIssueCount, metUnknown: metUnknown)
        (isQuiet, quietIssueCount, metUnknown) = saved
        return outcome
    }

    // MARK: Intrinsics and alternatives

    private mutating func checkIntrinsic(_ intrinsic: IntrinsicFunction, against schema: CompiledSchema, path: inout [String]) {
        if intrinsic.isNoValue { return }
        if let branches = intrinsic.branches {
            for branch in branches { check(branch, against: schema, path: &path) }
            return
        }
        let allowed = schema.types
        guard !allowed.isEmpty else { return }
        var yield = intrinsic.yield
        if intrinsic.name == "Ref", case .string(let name) = intrinsic.argument, let kind = references[name] { yield = kind }
        let yields: SchemaTypes =
            switch yield {
            case .string: [.string, .number, .integer, .boolean]
            case .list: .array
            case .number: [.number, .integer, .string]
            case .any: allowed
            }
        if allowed.isDisjoint(with: yields) {
            report("wrong-type", path, "\(intrinsic.name) yields \(yield == .list ? "a list" : "a \(yield)"), but this property needs \(allowed.phrase)")
        }
    }

    /// `if`/`then`/`else`, applied only when the value surely matches `if` or surely does not: a value an
    /// intrinsic function decides at deploy applies neither branch, so that no false error comes of it.
    private mutating func checkCondition(
        _ value: JSONValue, _ condition: (when: CompiledSchema, then: CompiledSchema?, otherwise: CompiledSchema?),
        summary: String?, path: inout [String]
    ) {
        let outcome = trial(value, against: condition.when, path: &path)
        guard !outcome.metUnknown else { return }
        guard let branch = outcome.issueCount == 0 ? condition.then : condition.otherwise else { return }
        let before = issues.count
        check(value, against: branch, path: &path)
        if let summary, !isQuiet, issues.count > before {
            for index in before..<issues.count { issues[index].message += " (\(summary))" }
        }
    }

    /// `not`: the value must not match `negation`; one an intrinsic function decides at deploy passes.
    private mutating func checkNegation(_ value: JSONValue, _ negation: CompiledSchema, path: inout [String]) {
        let outcome = trial(value, against: negation, path: &path)
        guard !outcome.metUnknown, outcome.issueCount == 0 else { return }
        report("not", path, "\(JSONWriter(style: .compact).string(from: value)) is not allowed here")
    }

    /// `contains`: at least one element matches `containing`; a list with an element an intrinsic function
    /// decides at deploy may, and passes.
    private mutating func checkContains(_ elements: [JSONValue], _ containing: CompiledSchema, path: inout [String]) {
        for element in elements {
            let outcome = trial(element, against: containing, path: &path)
            if outcome.metUnknown {
                metUnknown = true
                return
            }
            if outcome.issueCount == 0 { return }
        }
        let wanted = containing.allowedValues.map { " (one of \($0.map { JSONWriter(style: .compact).string(from: $0) }.joined(separator: ", ")))" } ?? ""
        report("contains", path, "the list has no element the rule asks for\(wanted)")
    }

    /// One of `branches` must match; when none does, the issues of the branch that came closest are reported
    /// (checked again, with their messages).
    private mutating func checkAlternatives(_ value: JSONValue, _ branches: [CompiledSchema], path: inout [String]) {
        var best: (branch: CompiledSchema, issueCount: Int)?
        for branch in branches {
            let outcome = trial(value, against: branch, path: &path)
            if outcome.issueCount == 0 { return }
            if outcome.issueCount < best?.issueCount ?? .max { best = (branch, outcome.issueCount) }
        }
        guard let best else { return }
        if isQuiet {
            quietIssueCount += best.issueCount
            return
        }
        check(value, against: best.branch, path: &path)
    }

    // MARK: Types

    /// Whether `value` is of an allowed type as it is written, without coercion: the common case, which
    /// spares parsing every string as a number.
    private static func isPlainly(_ value: JSONValue, oneOf allowed: SchemaTypes) -> Bool {
        switch value {
        case .string: allowed.contains(.string)
        case .object: allowed.contains(.object)
        case .array: allowed.contains(.array)
        case .bool: allowed.contains(.boolean)
        case .number, .numberText: allowed.contains(.number)
        case .null: false
        }
    }

    /// The schema types a value can be read as, with CloudFormation's coercions of strings and numbers.
    private static func readableTypes(of value: JSONValue) -> SchemaTypes {
        switch value {
        case .null: return []
        case .bool: return [.boolean, .string]
        case .number(let number): return number == number.rounded() ? [.number, .integer, .string] : [.number, .string]
        case .numberText(let text):
            let integral = !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
            return integral ? [.number, .integer, .string] : [.number, .string]
        case .string(let string):
            var types: SchemaTypes = .string
            if Double(string) != nil { types.insert(.number) }
            if Int(string) != nil { types.insert(.integer) }
            // CloudFormation reads "True", "FALSE" and the like as booleans (cfn-lint does too).
            if ["true", "false"].contains(string.lowercased()) { types.insert(.boolean) }
            return types
        case .array: return .array
        case .object: return .object
        }
    }

    private mutating func matchesType(_ value: JSONValue, _ allowed: SchemaTypes, path: [String]) -> Bool {
        guard !allowed.isEmpty, !Self.isPlainly(value, oneOf: allowed),
            allowed.isDisjoint(with: Self.readableTypes(of: value))
        else { return true }
        let found =
            switch value {
            case .null: "null"
            case .array: "a list"
            case .object: "an object"
            default: "a \(value.kindName)"
            }
        report("wrong-type", path, "expected \(allowed.phrase), found \(found)")
        return false
    }

    // MARK: Scalars

    private mutating func checkEnum(_ value: JSONValue, _ schema: CompiledSchema, path: [String]) {
        guard let allowed = schema.allowedValues, let allowedTexts = schema.allowedTexts else { return }
        // An allowed value equal to this one has its text too: comparing texts alone decides.
        let text = value.scalarText
        guard !allowedTexts.contains(text) else { return }
        report("enum", path, Self.notAllowed(text, among: allowed.map(\.scalarText)))
    }

    /// "'x' is not one of the allowed values: a, b. Did you mean 'a'?"
    private static func notAllowed(_ text: String, among choices: [String]) -> String {
        let listed =
            choices.count <= 12 ? ": \(choices.joined(separator: ", "))" : " (\(choices.count) values, such as \(choices.prefix(5).joined(separator: ", ")))"
        return "'\(text)' is not one of the allowed values\(listed).\(Suggestion.phrase(for: text, among: choices))"
    }

    private mutating func checkString(_ string: String, _ schema: CompiledSchema, path: [String]) {
        checkEnum(.string(string), schema, path: path)
        if let allowed = schema.caseInsensitiveValues, !allowed.contains(where: { $0.lowercased() == string.lowercased() }) {
            report("enum", path, Self.notAllowed(string, among: allowed))
        }
        if schema.minLength != nil || schema.maxLength != nil {
            let length = string.unicodeScalars.count
            if let minimum = schema.minLength, length < minimum {
                report("length", path, "'\(string)' is \(length) characters long; the minimum is \(minimum)")
            }
            if let maximum = schema.maxLength, length > maximum {
                report("length", path, "the value is \(length) characters long; the maximum is \(maximum)")
            }
        }
        if let pattern = schema.pattern, !pattern.matches(string) {
            report("pattern", path, "'\(string)' does not match the pattern \(pattern.source)")
        }
        if let format = schema.format, !format.accepts(string) {
            report("format", path, "'\(string)' is not a valid \(format.name)")
        }
        if schema.minimum != nil || schema.maximum != nil, let number = Double(string) {
            checkBounds(number, schema, path: path)
        }
    }

    private mutating func checkNumber(_ number: Double, _ schema: CompiledSchema, path: [String]) {
        checkEnum(.number(number), schema, path: path)
        checkBounds(number, schema, path: path)
    }

    private mutating func checkBounds(_ number: Double, _ schema: CompiledSchema, path: [String]) {
        if let minimum = schema.minimum, number < minimum {
            report("range", path, "\(JSONValue.number(number).scalarText) is below the minimum \(JSONValue.number(minimum).scalarText)")
        }
        if let maximum = schema.maximum, number > maximum {
            report("range", path, "\(JSONValue.number(number).scalarText) is above the maximum \(JSONValue.number(maximum).scalarText)")
        }
    }

    // MARK: Containers

    private mutating func checkArray(_ elements: [JSONValue], _ schema: CompiledSchema, path: inout [String]) {
        if let minimum = schema.minItems, elements.count < minimum {
            report("item-count", path, "the list has \(elements.count) item\(elements.count == 1 ? "" : "s"); it needs at least \(minimum)")
        }
        if let maximum = schema.maxItems, elements.count > maximum {
            report("item-count", path, "the list has \(elements.count) items; at most \(maximum) are allowed")
        }
        if let containing = schema.containing { checkContains(elements, containing, path: &path) }
        if schema.requiresUniqueItems, let (first, second) = Self.firstDuplicate(in: elements) {
            report("unique-items", path + [String(second)], "item \(second) repeats item \(first); the items of this list must be unique")
        }
        guard let items = schema.items else { return }
        for index in elements.indices {
            path.append(PropertyPath.component(index))
            check(elements[index], against: items, path: &path)
            path.removeLast()
        }
    }

    /// The positions of the first element equal to an earlier one, compared as written (intrinsic functions
    /// included, as cfn-lint compares them).
    private static func firstDuplicate(in elements: [JSONValue]) -> (Int, Int)? {
        guard elements.count > 1 else { return nil }
        if elements.count <= 16 {
            // Comparing each pair of a short list is cheaper than hashing its elements.
            for index in 1..<elements.count {
                if let earlier = elements[..<index].firstIndex(of: elements[index]) { return (earlier, index) }
            }
            return nil
        }
        var seen: [JSONValue: Int] = [:]
        for (index, element) in elements.enumerated() {
            if let earlier = seen.updateValue(index, forKey: element) { return (earlier, index) }
        }
        return nil
    }

    private mutating func checkObject(_ members: OrderedDictionary<String, JSONValue>, _ schema: CompiledSchema, path: inout [String]) {
        let isResourceLevel = path.count == propertyDepth - 1
        // Members are read in place, by index: an iterator copies each name and value out (a retain and a
        // release each, a fifth of validation's time).
        let names = members.keys.elements, values = members.values.elements
        let named = schema.propertyLookup.names.count
        if !schema.isClosed, schema.patternProperties.isEmpty, schema.nameSchema == nil, named < names.count, named <= 8 {
            // An open schema that names a few properties, fewer than the object has (an `if` or `then` of a
            // rule, which names one or two): only the members it names are checked, so they are found from its
            // side, each by a scan of the object's names (bounded: at most eight scans).
            checkNamedMembers(names: names, values: values, schema, path: &path)
        } else {
            checkEveryMember(names: names, values: values, schema, path: &path, isResourceLevel: isResourceLevel)
        }
        func isSet(_ name: String) -> Bool { members[name].map { !IntrinsicFunction.isNoValue($0) } ?? false }
        for required in schema.required where !isSet(required) {
            report("missing-required", path, "the required property '\(required)' is missing")
        }
        if !schema.requiredExactlyOne.isEmpty {
            let set = schema.requiredExactlyOne.filter(isSet)
            if set.isEmpty {
                report("missing-required", path, "one of \(schema.requiredExactlyOne.joined(separator: ", ")) is required")
            } else if set.count > 1 {
                report(
                    "excluded-property", path + [set[1]],
                    "only one of \(schema.requiredExactlyOne.joined(separator: ", ")) may be set; \(set.joined(separator: " and ")) are")
            }
        }
        if !schema.requiredAtLeastOne.isEmpty, !schema.requiredAtLeastOne.contains(where: isSet) {
            report("missing-required", path, "at least one of \(schema.requiredAtLeastOne.joined(separator: ", ")) is required")
        }
        for (name, needed) in schema.dependentRequired where isSet(name) {
            for other in needed where !isSet(other) {
                report("missing-required", path, "'\(name)' is set, so '\(other)' is required too")
            }
        }
        for (name, excluded) in schema.dependentExcluded where isSet(name) {
            for other in excluded where isSet(other) {
                report("excluded-property", path + [other], "'\(other)' cannot be set together with '\(name)'")
            }
        }
    }

    /// The members of an open object schema that names a few properties, fewer than the object has, checked in
    /// the object's order: each named property is looked up in the object, not each member in the schema.
    private mutating func checkNamedMembers(names: [String], values: [JSONValue], _ schema: CompiledSchema, path: inout [String]) {
        let lookup = schema.propertyLookup
        // The named properties the object sets, as (member, property) positions, on the stack: at most eight.
        withUnsafeTemporaryAllocation(of: (member: Int, property: Int).self, capacity: lookup.names.count) { found in
            var count = 0
            for property in lookup.names.indices {
                guard let member = names.firstIndex(of: lookup.names[property]), !IntrinsicFunction.isNoValue(values[member]) else { continue }
                found[count] = (member, property)
                count += 1
            }
            var found = UnsafeMutableBufferPointer(rebasing: found[..<count])
            if count > 1 { found.sort { $0.member < $1.member } }
            for (member, property) in found {
                path.append(names[member])
                defer { path.removeLast() }
                let propertySchema = lookup.schemas[property]
                if propertySchema.isFalse {
                    report("excluded-property", path, "'\(names[member])' cannot be set here")
                    continue
                }
                check(values[member], against: propertySchema, path: &path)
            }
        }
    }

    /// Each member of the object, checked against the schema's property of its name, the first pattern
    /// property it matches, or the rule for other names.
    private mutating func checkEveryMember(
        names: [String], values: [JSONValue], _ schema: CompiledSchema, path: inout [String], isResourceLevel: Bool
    ) {
        for index in names.indices {
            let name = names[index]
            if IntrinsicFunction.isNoValue(values[index]) { continue }
            path.append(name)
            defer { path.removeLast() }
            if let nameSchema = schema.nameSchema {
                if trial(.string(name), against: nameSchema, path: &path).issueCount > 0 {
                    report("property-name", path, "'\(name)' cannot be used as a name here (it is reserved or invalid)")
                }
            }
            if let property = schema.propertyLookup.schema(named: name) {
                if property.isFalse {
                    report("excluded-property", path, "'\(name)' cannot be set here")
                    continue
                }
                check(values[index], against: property, path: &path)
            } else if let (_, property) = schema.patternProperties.first(where: { pattern, _ in pattern.matches(name) }) {
                check(values[index], against: property, path: &path)
            } else if schema.isClosed {
                let suggestion = Suggestion.phrase(for: name, among: schema.propertyNames)
                if isResourceLevel {
                    report("unknown-property", path, "'\(name)' is not a property of this resource type.\(suggestion)")
                } else if schema.propertyNames.isEmpty, !schema.patternProperties.isEmpty {
                    let patterns = schema.patternProperties.map(\.0.source).joined(separator: " or ")
                    report("additional-property", path, "the name '\(name)' is not allowed here: names must match \(patterns)")
                } else {
                    report(
                        "additional-property", path,
                        "'\(name)' is not allowed here; expected one of \(schema.propertyNames.joined(separator: ", ")).\(suggestion)")
                }
            }
        }
    }
}

extension JSONValue {
    /// A scalar as text, for messages and enum comparisons.
    var scalarText: String {
        if case .string(let string) = self { return string }
        return JSONWriter(style: .compact).string(from: self)
    }
}
