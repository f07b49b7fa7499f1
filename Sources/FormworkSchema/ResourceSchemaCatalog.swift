import FormworkTemplate

/// The full registry schemas of the types in Schemas/ (the serverless set), for property validation.
///
/// Compiled in as minified JSON and parsed on first use.
public struct ResourceSchemaCatalog: Sendable {
    /// The catalog of the vendored schemas.
    public static let shared = ResourceSchemaCatalog(texts: schemas)

    /// Parsed schemas by type name.
    public let schemas: [String: JSONValue]

    init(texts: [String: String]) {
        var parsed: [String: JSONValue] = [:]
        for (name, text) in texts {
            parsed[name] = try? JSONReader.parse(text)
        }
        schemas = parsed
    }

    /// The schema of `typeName`, when it is one of the vendored types.
    public subscript(typeName: String) -> JSONValue? { schemas[typeName] }

    /// The names of the vendored types, sorted.
    public var typeNames: [String] { schemas.keys.sorted() }
}
