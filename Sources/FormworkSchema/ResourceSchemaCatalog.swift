import FormworkTemplate
import Synchronization

/// The full registry schemas of the types in Schemas/ (the serverless set), for property validation.
///
/// Compiled in as minified JSON; each type's schema is parsed and compiled the first time it is looked up,
/// so a synthesis pays only for the types it uses.
public final class ResourceSchemaCatalog: Sendable {
    /// The catalog of the vendored schemas.
    public static let shared = ResourceSchemaCatalog(texts: schemas)

    /// The minified JSON schema of each type, by type name.
    private let texts: [String: String]
    /// The schemas compiled so far; `nil` for a text that does not parse.
    private let compiled = Mutex<[String: CompiledResourceSchema?]>([:])

    init(texts: [String: String]) {
        self.texts = texts
    }

    /// The compiled schema of `typeName`, when it is one of the vendored types.
    public subscript(typeName: String) -> CompiledResourceSchema? {
        if let known = compiled.withLock({ $0[typeName] }) { return known }
        let schema = texts[typeName].flatMap { text in (try? JSONReader.parse(text)).map(CompiledResourceSchema.init) }
        compiled.withLock { $0[typeName] = .some(schema) }
        return schema
    }

    /// The names of the vendored types, sorted.
    public var typeNames: [String] { texts.keys.sorted() }
}
