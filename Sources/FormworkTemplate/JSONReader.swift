import OrderedCollections

/// Parses JSON text into a ``JSONValue``, keeping object keys in document order.
///
/// Errors carry the line and column where the text stopped making sense and say what was expected there.
/// A key that appears twice in one object is an error: CloudFormation would silently keep only one of them.
///
/// ```swift
/// let value = try JSONReader.parse(text)
/// ```
public enum JSONReader {
    /// Nesting deeper than this is rejected instead of exhausting the stack.
    public static let maximumDepth = 512

    /// The value in `text`, or a ``SourceError`` that says where and why it is not valid JSON.
    public static func parse(_ text: String) throws(SourceError) -> JSONValue {
        try parse(text, recordingPositions: false).value
    }

    /// The value in `text` and where each of its values stands in the text.
    public static func parseWithSourceMap(_ text: String) throws(SourceError) -> (value: JSONValue, sourceMap: SourceMap) {
        try parse(text, recordingPositions: true)
    }

    private static func parse(_ text: String, recordingPositions: Bool) throws(SourceError) -> (value: JSONValue, sourceMap: SourceMap) {
        // The text's bytes are read in place, without an array's bounds check on each of them.
        var text = text
        let parsed = text.withUTF8 { bytes in
            Result { () throws(SourceError) -> (JSONValue, [(path: [String], offset: Int)]) in
                var parser = Parser(bytes: bytes, recordsPositions: recordingPositions)
                parser.skipWhitespace()
                let value = try parser.parseValue(depth: 0)
                parser.skipWhitespace()
                guard parser.isAtEnd else { throw parser.error("unexpected text after the end of the JSON value") }
                return (value, parser.offsets)
            }
        }
        let (value, offsets) = try parsed.get()
        var sourceMap = SourceMap()
        if recordingPositions {
            let positions = LineTable(Array(text.utf8)).positions(ofAscendingOffsets: offsets.map(\.offset))
            for (entry, position) in zip(offsets, positions) { sourceMap.positions[entry.path] = position }
        }
        return (value, sourceMap)
    }
}

extension JSONReader {
    private struct Parser {
        /// The text, valid while it is parsed.
        let bytes: UnsafeBufferPointer<UInt8>
        let recordsPositions: Bool
        var offset = 0
        /// The path of the value being parsed, kept only when recording positions.
        var path: [String] = []
        /// Where each value's key (or the value, for list elements and the root) starts, in document order.
        var offsets: [(path: [String], offset: Int)] = []

        init(bytes: UnsafeBufferPointer<UInt8>, recordsPositions: Bool) {
            self.bytes = bytes
            self.recordsPositions = recordsPositions
            if recordsPositions { offsets.append(([], 0)) }
        }

        var isAtEnd: Bool { offset >= bytes.count }

        /// An error at the current offset, with its line and column.
        func error(_ message: String, at position: Int? = nil) -> SourceError {
            let end = min(position ?? offset, bytes.count)
            var line = 1
            var lineStart = 0
            for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).unicodeScalars.count + 1
            return SourceError(line: line, column: column, message: message)
        }

        func describeCurrent() -> String {
            guard !isAtEnd else { return "the end of the input" }
            let byte = bytes[offset]
            if byte >= 0x20 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
            return "byte 0x\(String(byte, radix: 16))"
        }

        mutating func skipWhitespace() {
            while offset < bytes.count {
                switch bytes[offset] {
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): offset += 1
                default: return
                }
            }
        }

        /// Steps over `byte`; `what` names it in the error, and is only built for one.
        mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws(SourceError) {
            guard !isAtEnd, bytes[offset] == byte else {
                throw error("expected \(what()), found \(describeCurrent())")
            }
            offset += 1
        }

        mutating func parseValue(depth: Int) throws(SourceError) -> JSONValue {
            guard depth < JSONReader.maximumDepth else {
                throw error("nesting deeper than \(JSONReader.maximumDepth) levels")
            }
            guard !isAtEnd else { throw error("expected a value, found the end of the input") }
            switch bytes[offset] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth)
            case UInt8(ascii: "["): return try parseArray(depth: depth)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"):
                try parseKeyword("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try parseKeyword("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try parseKeyword("null")
                return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
            default: throw error("expected a value, found \(describeCurrent())")
            }
        }

        mutating func parseKeyword(_ keyword: StaticString) throws(SourceError) {
            let utf8 = UnsafeBufferPointer(start: keyword.utf8Start, count: keyword.utf8CodeUnitCount)
            guard offset + utf8.count <= bytes.count, bytes[offset..<offset + utf8.count].elementsEqual(utf8) else {
                throw error("expected a value, found \(describeCurrent())")
            }
            offset += utf8.count
        }

        mutating func parseObject(depth: Int) throws(SourceError) -> JSONValue {
            offset += 1
            var members = OrderedDictionary<String, JSONValue>()
            skipWhitespace()
            if !isAtEnd, bytes[offset] == UInt8(ascii: "}") {
                offset += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                let keyStart = offset
                guard !isAtEnd, bytes[offset] == UInt8(ascii: "\"") else {
                    throw error("expected a string key, found \(describeCurrent())")
                }
                let key = try parseString()
                guard members[key] == nil else {
                    throw error("duplicate key '\(key)' in one object", at: keyStart)
                }
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "':' after the key '\(key)'")
                skipWhitespace()
                if recordsPositions {
                    path.append(key)
                    offsets.append((path, keyStart))
                }
                members[key] = try parseValue(depth: depth + 1)
                if recordsPositions { path.removeLast() }
                skipWhitespace()
                guard !isAtEnd else { throw error("expected ',' or '}', found the end of the input") }
                if bytes[offset] == UInt8(ascii: ",") {
                    offset += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}' in an object")
                return .object(members)
            }
        }

        mutating func parseArray(depth: Int) throws(SourceError) -> JSONValue {
            offset += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if !isAtEnd, bytes[offset] == UInt8(ascii: "]") {
                offset += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                if recordsPositions {
                    path.append(String(elements.count))
                    offsets.append((path, offset))
                }
                elements.append(try parseValue(depth: depth + 1))
                if recordsPositions { path.removeLast() }
                skipWhitespace()
                guard !isAtEnd else { throw error("expected ',' or ']', found the end of the input") }
                if bytes[offset] == UInt8(ascii: ",") {
                    offset += 1
                    continue
                }
                try expect(UInt8(ascii: "]"), "',' or ']' in an array")
                return .array(elements)
            }
        }

        mutating func parseString() throws(SourceError) -> String {
            let start = offset
            offset += 1
            // Most strings have no escape: they are made straight from the bytes, without a buffer in between.
            while offset < bytes.count, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\"), bytes[offset] >= 0x20 {
                offset += 1
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") {
                offset += 1
                return String(decoding: bytes[start + 1..<offset - 1], as: UTF8.self)
            }
            var scalars: [UInt8] = []
            var chunkStart = start + 1
            while true {
                guard !isAtEnd else { throw error("unterminated string", at: start) }
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    scalars.append(contentsOf: bytes[chunkStart..<offset])
                    offset += 1
                    break
                }
                if byte < 0x20 { throw error("control character in a string; write it as an escape such as \\n") }
                if byte == UInt8(ascii: "\\") {
                    scalars.append(contentsOf: bytes[chunkStart..<offset])
                    try parseEscape(into: &scalars)
                    chunkStart = offset
                } else {
                    offset += 1
                }
            }
            return String(decoding: scalars, as: UTF8.self)
        }

        mutating func parseEscape(into output: inout [UInt8]) throws(SourceError) {
            offset += 1
            guard !isAtEnd else { throw error("unterminated escape sequence") }
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""): output.append(byte)
            case UInt8(ascii: "\\"): output.append(byte)
            case UInt8(ascii: "/"): output.append(byte)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var code = try parseHex4()
                if (0xD800..<0xDC00).contains(code), offset + 1 < bytes.count,
                    bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
                {
                    offset += 2
                    let low = try parseHex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("invalid UTF-16 surrogate pair") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                let scalar = UnicodeScalar(code) ?? "\u{FFFD}"
                output.append(contentsOf: String(Character(scalar)).utf8)
            default:
                throw error("invalid escape sequence '\\\(Character(UnicodeScalar(byte)))'", at: offset - 2)
            }
        }

        mutating func parseHex4() throws(SourceError) -> UInt32 {
            var code: UInt32 = 0
            for index in offset..<offset + 4 {
                guard index < bytes.count, let digit = Self.hexDigitValue(bytes[index]) else {
                    throw error("expected four hex digits after \\u", at: index)
                }
                code = code << 4 | digit
            }
            offset += 4
            return code
        }

        static func hexDigitValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        mutating func parseNumber() throws(SourceError) -> JSONValue {
            let start = offset
            func digits() -> Int {
                let first = offset
                while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
                return offset - first
            }
            if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            let integerStart = offset
            guard digits() > 0 else { throw error("expected a digit, found \(describeCurrent())") }
            if bytes[integerStart] == UInt8(ascii: "0"), offset - integerStart > 1 {
                throw error("a number must not start with 0", at: integerStart)
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
                offset += 1
                guard digits() > 0 else { throw error("expected a digit after '.', found \(describeCurrent())") }
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
                offset += 1
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
                guard digits() > 0 else { throw error("expected a digit in the exponent, found \(describeCurrent())") }
            }
            guard let number = JSONNumberText.value(Substring(decoding: bytes[start..<offset], as: UTF8.self)) else {
                throw error("invalid number", at: start)
            }
            return number
        }
    }
}
