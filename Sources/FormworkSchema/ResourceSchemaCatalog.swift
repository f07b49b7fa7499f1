import FormworkTemplate

/// The full registry schemas of the types in Schemas/ (the serverless set), for property validation.
///
/// Compiled in as minified JSON and parsed on first use.
public struct ResourceSchemaCatalog: Sendable {
    /// The catalog of the vendored schemas.
    public static let shared = ResourceSchemaCatalog(texts: schemas)

    /// Compiled schemas by type name.
    public let schemas: [String: CompiledResourceSchema]

    init(texts: [String: String]) {
        var compiled: [String: CompiledResourceSchema] = [:]
        for (name, text) in texts {
            if let schema = try? JSONReader.parse(text) { compiled[name] = CompiledResourceSchema(schema) }
        }
        schemas = compiled
    }

    /// The compiled schema of `typeName`, when it is one of the vendored types.
    public subscript(typeName: String) -> CompiledResourceSchema? { schemas[typeName] }

    /// The names of the vendored types, sorted.
    public var typeNames: [String] { schemas.keys.sorted() }
}
