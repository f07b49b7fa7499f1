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
        table.withUTF8 { bytes in
            lines.reserveCapacity(bytes.count { $0 == UInt8(ascii: "\n") } + 1)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if let bar = bytes[start..<end].firstIndex(of: UInt8(ascii: "|")) {
                    lines[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bar]), as: UTF8.self)] = start..<end
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
