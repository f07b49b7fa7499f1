import FormworkTemplate
import Synchronization

/// The full registry schema of every resource type, for property validation.
///
/// Compiled in as minified JSON (about 5 MB, in the binary's read-only data) with an index of where each
/// type's schema starts; only the schemas a template uses are read, parsed and compiled, on first use, so
/// start-up and a synthesis pay only for the types they use.
public final class ResourceSchemaCatalog: Sendable {
    /// The catalog of every type's schema.
    public static let shared = ResourceSchemaCatalog(index: index, schemas: schemas)

    private let index: String
    private let schemas: String
    /// Each type's byte range in ``schemas``, read from the index on first use.
    private let ranges = Mutex<[String: Range<Int>]?>(nil)
    /// The schemas compiled so far; `nil` for a text that does not parse.
    private let compiled = Mutex<[String: CompiledResourceSchema?]>([:])

    /// A catalog of `schemas` (minified JSON, one per line) located by `index` (`type|offset|length` lines).
    init(index: String, schemas: String) {
        self.index = index
        self.schemas = schemas
    }

    /// The compiled schema of `typeName`, when the registry has it.
    public subscript(typeName: String) -> CompiledResourceSchema? {
        if let known = compiled.withLock({ $0[typeName] }) { return known }
        let schema = text(of: typeName).flatMap { text in (try? JSONReader.parse(text)).map(CompiledResourceSchema.init) }
        compiled.withLock { $0[typeName] = .some(schema) }
        return schema
    }

    /// The names of the types, sorted.
    public var typeNames: [String] { byteRanges().keys.sorted() }

    private func text(of typeName: String) -> String? {
        guard let range = byteRanges()[typeName] else { return nil }
        let utf8 = schemas.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return String(Substring(utf8[start..<utf8.index(start, offsetBy: range.count)]))
    }

    private func byteRanges() -> [String: Range<Int>] {
        ranges.withLock { ranges in
            if let ranges { return ranges }
            var found: [String: Range<Int>] = [:]
            for line in index.utf8.split(separator: UInt8(ascii: "\n")) {
                let fields = line.split(separator: UInt8(ascii: "|"))
                guard fields.count == 3, let offset = Int(Substring(fields[1])), let length = Int(Substring(fields[2])) else { continue }
                found[String(Substring(fields[0]))] = offset..<offset + length
            }
            ranges = found
            return found
        }
    }
}
