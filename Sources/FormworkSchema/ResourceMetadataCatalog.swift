#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// The metadata of every resource type CloudFormation has in us-east-1 (about 1,600 types).
///
/// The table is compiled in as one string. It is indexed by type name once, and each type's line is parsed
/// the first time the type is looked up, so a synthesis pays only for the types it uses.
public final class ResourceMetadataCatalog: Sendable {
    /// The catalog of the generated table.
    public static let shared = ResourceMetadataCatalog(table: table)

    /// The generated table.
    private let table: String
    /// Where each type's line is in the table (UTF-8 offsets), by type name.
    private let lines: [String: Range<Int>]
    /// The lines parsed so far.
    private let parsed = Mutex<[String: ResourceMetadata]>([:])

    /// A catalog of lines in the generated table's format.
    ///
    /// Lines are found by scanning the table's bytes once: splitting the 700 KB table into `Character`s, or
    /// even through `String` indices, would cost more than a whole synthesis.
    init(table: String) {
        var table = table
        var lines: [String: Range<Int>] = [:]
        // Every process reads the whole table once (700 KB): the line ends and each type's `|` are found with
        // memchr, which reads a byte in a fraction of an instruction, where a loop over the bytes took ~20.
        table.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            lines.reserveCapacity(bytes.count / 256)
            func offset(of byte: UInt8, from start: Int, before end: Int) -> Int? {
                memchr(base + start, Int32(byte), end - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
            }
            var start = 0
            while start < bytes.count {
                let end = offset(of: UInt8(ascii: "\n"), from: start, before: bytes.count) ?? bytes.count
                if let bar = offset(of: UInt8(ascii: "|"), from: start, before: end) {
                    lines[String(decoding: UnsafeBufferPointer(start: base + start, count: bar - start), as: UTF8.self)] = start..<end
                }
                start = end + 1
            }
        }
        self.table = table
        self.lines = lines
    }

    /// The names of every type, sorted.
    public var typeNames: [String] { lines.keys.sorted() }

    /// The metadata of `typeName`, if CloudFormation has that type.
    public subscript(typeName: String) -> ResourceMetadata? {
        if let known = parsed.withLock({ $0[typeName] }) { return known }
        guard let range = lines[typeName] else { return nil }
        let utf8 = table.utf8
        let line = table[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        guard let metadata = Self.parse(line) else { return nil }
        parsed.withLock { $0[typeName] = metadata }
        return metadata
    }

    /// One line: `type|primaryIdentifier|createOnly|conditionalCreateOnly|readOnly|writeOnly|required|
    /// attributes|cdkReplaces|cdkMayReplace|flags|properties`.
    private static func parse(_ line: Substring) -> ResourceMetadata? {
        let fields = line.utf8.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map(Substring.init)
        guard fields.count == 12 else { return nil }
        func paths(_ field: Substring) -> [PropertyPath] {
            field.utf8.split(separator: UInt8(ascii: ",")).map { PropertyPath(pointer: Substring($0)) }
        }
        func names(_ field: Substring) -> [String] {
            field.utf8.split(separator: UInt8(ascii: ",")).map { String(Substring($0)) }
        }
        return ResourceMetadata(
            typeName: String(fields[0]),
            primaryIdentifier: paths(fields[1]),
            createOnly: paths(fields[2]),
            conditionalCreateOnly: paths(fields[3]),
            readOnly: paths(fields[4]),
            writeOnly: paths(fields[5]),
            required: names(fields[6]),
            attributes: Set(names(fields[7])),
            specificationReplaces: paths(fields[8]),
            specificationMayReplace: paths(fields[9]),
            isStateful: fields[10].contains("S"),
            isTaggable: fields[10].contains("T"),
            properties: names(fields[11]))
    }
}
