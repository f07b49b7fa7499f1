/// Where each value of a parsed template stands in its text, by path: `["Resources", "Queue", "Properties"]`.
///
/// Readers fill it only when asked (validating a file); synthesis never needs it.
public struct SourceMap: Sendable {
    /// Line and column by path; for a member of an object, where its key starts.
    var positions: [[String]: Position] = [:]

    /// A 1-based line and column.
    public struct Position: Sendable, Hashable {
        /// The 1-based line.
        public var line: Int
        /// The 1-based column, counted in Unicode scalars.
        public var column: Int

        /// A position at `line`:`column`.
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// An empty map, which knows no position: what a template built in code carries.
    public init() {}

    /// The position of the value at `path`, or of its nearest ancestor that has one.
    public func position(of path: [String]) -> Position? {
        var path = path[...]
        while true {
            if let position = positions[Array(path)] { return position }
            guard !path.isEmpty else { return nil }
            path = path.dropLast()
        }
    }
}

/// Turns byte offsets into lines and columns.
struct LineTable {
    let lineStarts: [Int]
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
        self.bytes = bytes
    }

    /// The positions of `offsets`, which must be in ascending order, in one pass over the text: columns are
    /// counted from the previous offset on the same line, never from the line's start again.
    func positions(ofAscendingOffsets offsets: [Int]) -> [SourceMap.Position] {
        var positions: [SourceMap.Position] = []
        positions.reserveCapacity(offsets.count)
        var line = 0, cursor = 0, column = 1
        for offset in offsets {
            let target = min(offset, bytes.count)
            while line + 1 < lineStarts.count, lineStarts[line + 1] <= target {
                line += 1
                cursor = lineStarts[line]
                column = 1
            }
            while cursor < target {
                // Count Unicode scalars: every byte but a UTF-8 continuation byte starts one.
                if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
                cursor += 1
            }
            positions.append(SourceMap.Position(line: line + 1, column: column))
        }
        return positions
    }

    /// The position of one offset.
    func position(ofOffset offset: Int) -> SourceMap.Position {
        positions(ofAscendingOffsets: [offset])[0]
    }
}
