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
    /// The schemas compiled so far, one slot per type (and region), each compiled once: a thread that asks for
    /// a schema another is compiling waits for it rather than compiling it again.
    private let slots = Mutex<[String: Slot]>([:])

    /// One schema's compilation: `nil` until done, then the schema, or `.some(nil)` for a text that does not parse.
    private final class Slot: Sendable {
        let schema = Mutex<CompiledResourceSchema??>(nil)
    }

    /// A catalog of `schemas` (minified JSON, one per line) located by `index` (`type|offset|length` lines).
    init(index: String, schemas: String) {
        self.index = index
        self.schemas = schemas
    }

    /// The compiled schema of `typeName`, when the registry has it.
    public subscript(typeName: String) -> CompiledResourceSchema? {
        compiledOnce(key: typeName) { text(of: typeName).flatMap { text in (try? JSONReader.parse(text)).map(CompiledResourceSchema.init) } }
    }

    /// The compiled schema of `typeName` with the values that depend on the region (the instance types it
    /// offers) as `region` allows them, or as any region does when `region` is `nil`.
    public func schema(of typeName: String, inRegion region: String?) -> CompiledResourceSchema? {
        guard RegionalSchemas.usesByType[typeName] != nil else { return self[typeName] }
        return compiledOnce(key: typeName + "@" + (region ?? "*")) {
            let enums = RegionalSchemas.enums(of: typeName, in: region)
            return text(of: typeName).flatMap { text in
                (try? JSONReader.parse(text)).map { CompiledResourceSchema(RegionalSchemas.schema($0, with: enums)) }
            }
        }
    }

    /// The schema of `key`, compiled by `compile` the first time it is asked for.
    private func compiledOnce(key: String, _ compile: () -> CompiledResourceSchema?) -> CompiledResourceSchema? {
        let slot = slots.withLock { slots in
            if let slot = slots[key] { return slot }
            let slot = Slot()
            slots[key] = slot
            return slot
        }
        return slot.schema.withLock { schema in
            if let known = schema { return known }
            let compiled = compile()
            schema = .some(compiled)
            return compiled
        }
    }

    /// The names of the types, sorted.
    public var typeNames: [String] { byteRanges().keys.sorted() }

    private func text(of typeName: String) -> String? {
        guard let range = byteRanges()[typeName] else { return nil }
        let utf8 = schemas.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return String(Substring(utf8[start..<utf8.index(start, offsetBy: range.count)]))
    }

    /// The byte range of each type in an index of `type|offset|length` lines, read in one pass over its bytes
    /// without splitting it into arrays (which cost a synthesis 12 M instructions of start-up).
    static func ranges(inIndex index: String) -> [String: Range<Int>] {
        var found: [String: Range<Int>] = [:]
        var index = index
        index.withUTF8 { bytes in
            found.reserveCapacity(bytes.count / 32)
            var position = 0
            /// The bytes up to the next `separator` (or the end), and the position after it.
            func field(until separator: UInt8) -> UnsafeBufferPointer<UInt8> {
                let start = position
                while position < bytes.count, bytes[position] != separator, bytes[position] != UInt8(ascii: "\n") { position += 1 }
                let field = UnsafeBufferPointer(rebasing: bytes[start..<position])
                if position < bytes.count, bytes[position] == separator { position += 1 }
                return field
            }
            func number(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
                guard !digits.isEmpty, digits.count < 19 else { return nil }
                var value = 0
                for digit in digits {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
                    value = value * 10 + Int(digit - UInt8(ascii: "0"))
                }
                return value
            }
            while position < bytes.count {
                let name = field(until: UInt8(ascii: "|"))
                let offset = number(field(until: UInt8(ascii: "|")))
                // The last field runs to the end of the line, so a line of more fields is not a number here.
                let length = number(field(until: UInt8(ascii: "\n")))
                if let offset, let length, !name.isEmpty {
                    found[String(decoding: name, as: UTF8.self)] = offset..<offset + length
                }
            }
        }
        return found
    }

    private func byteRanges() -> [String: Range<Int>] {
        ranges.withLock { ranges in
            if let ranges { return ranges }
            let found = Self.ranges(inIndex: index)
            ranges = found
            return found
        }
    }
}
