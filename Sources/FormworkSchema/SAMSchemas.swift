import FormworkTemplate
import OrderedCollections

/// AWS SAM's resource types (`AWS::Serverless::*`) as its transform reads them: a schema per type, from SAM's
/// own models corrected by what its transform checks, and the properties each `Globals` section takes
/// (generated into `SAMSchemaTable.swift` by `Scripts/update-schemas-sam`).
enum SAMSchemas {
    /// The schemas of SAM's types.
    static let catalog = ResourceSchemaCatalog(index: index, schemas: schemas)

    /// A `Globals` section: the resource type it applies to and the properties it may set.
    struct GlobalSection: Sendable {
        var resourceType: String
        var properties: Set<String>
    }

    /// The `Globals` sections SAM knows, by name (`Function`, `Api`, ...).
    static let sections: [String: GlobalSection] = {
        var found: [String: GlobalSection] = [:]
        for fields in globalSections.tableRows() {
            guard fields.count == 3 else { continue }
            found[String(fields[0])] = GlobalSection(resourceType: String(fields[1]), properties: Set(fields[2].split(separator: ",").map(String.init)))
        }
        return found
    }()

    /// `properties` with the `Globals` section of their type applied as SAM applies it: a property the
    /// resource does not set is taken from the section, objects are merged key by key, lists are joined (the
    /// section's first), and what the resource sets wins; `IgnoreGlobals` (`"*"` or a list of names) leaves out
    /// what it names.
    static func applyingGlobals(
        _ globals: OrderedDictionary<String, JSONValue>, to properties: OrderedDictionary<String, JSONValue>,
        of type: String, ignoring ignored: JSONValue?
    ) -> OrderedDictionary<String, JSONValue> {
        guard let section = sections.first(where: { $0.value.resourceType == type }),
            case .object(let defaults)? = globals[section.key]
        else { return properties }
        if ignored == .string("*") { return properties }
        let skipped = Set(ignored?.arrayValue?.compactMap(\.stringValue) ?? [])
        var merged = properties
        for (name, value) in defaults where !skipped.contains(name) {
            merged[name] = merged[name].map { merging(value, into: $0) } ?? value
        }
        return merged
    }

    /// `own` with `global` merged in: objects key by key, lists joined, anything else `own`.
    private static func merging(_ global: JSONValue, into own: JSONValue) -> JSONValue {
        switch (global, own) {
        case (.object(let defaults), .object(var members)) where IntrinsicFunction(global) == nil && IntrinsicFunction(own) == nil:
            for (key, value) in defaults { members[key] = members[key].map { merging(value, into: $0) } ?? value }
            return .object(members)
        case (.array(let first), .array(let second)): return .array(first + second)
        default: return own
        }
    }
}

extension ValidationRun {
    /// A SAM resource's properties, with its `Globals` applied, against SAM's schema of its type.
    mutating func checkSAMResource(_ resource: Template.Resource, path: [String]) {
        guard let schema = SAMSchemas.catalog[resource.type] else {
            let known = SAMSchemas.catalog.typeNames
            error(
                "unknown-resource-type", path + ["Type"],
                "'\(resource.type)' is not a resource type of AWS SAM.\(suggestion(for: resource.type, among: .names(known)))")
            return
        }
        let properties = SAMSchemas.applyingGlobals(
            template.globals, to: resource.properties, of: resource.type,
            ignoring: resource.otherAttributes["IgnoreGlobals"])
        var evaluator = SchemaEvaluator(resource: schema, propertyDepth: 4, references: references)
        var propertiesPath = path + ["Properties"]
        evaluator.check(.object(properties), against: schema.root, path: &propertiesPath)
        issues += evaluator.issues
    }

    /// Each `Globals` section is one SAM knows, setting only what it may (cfn-lint E3724).
    mutating func checkGlobalSections() {
        for (name, value) in template.globals {
            guard let section = SAMSchemas.sections[name] else {
                let known = SAMSchemas.sections.keys.sorted()
                error(
                    "globals", ["Globals", name],
                    "'\(name)' is not a Globals section; SAM has \(known.joined(separator: ", ")).\(suggestion(for: name, among: .names(known)))")
                continue
            }
            for property in value.objectValue?.keys ?? [] where !section.properties.contains(property) {
                error(
                    "globals", ["Globals", name, property],
                    "SAM does not take '\(property)' from Globals for \(section.resourceType); set it on each resource.\(suggestion(for: property, among: .names(section.properties.sorted())))"
                )
            }
        }
    }
}
