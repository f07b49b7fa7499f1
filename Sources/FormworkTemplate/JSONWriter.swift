/// Writes ``JSONValue`` trees as text, byte for byte the way AWS CDK writes templates.
///
/// CDK writes `JSON.stringify(template, undefined, 1)`: one space of indentation per level, keys in
/// insertion order, `[]` and `{}` for empty containers, no trailing newline. ``Style/pretty(indent:)`` does
/// the same; ``Style/compact`` writes no whitespace at all, like `JSON.stringify(value)`.
///
/// ```swift
/// let text = JSONWriter(style: .pretty(indent: 1)).string(from: template.json)
/// ```
public struct JSONWriter: Sendable {
    /// How much whitespace the writer puts between tokens.
    public enum Style: Sendable, Hashable {
        /// Newlines and `indent` spaces per nesting level (none when `indent` is 0 or less).
        case pretty(indent: Int)
        /// No whitespace.
        case compact
    }

    /// The whitespace style.
    public var style: Style

    /// A writer with the given style; CDK's template layout by default.
    public init(style: Style = .pretty(indent: 1)) {
        self.style = style
    }

    /// The text of `value`.
    public func string(from value: JSONValue) -> String {
        write(value) { String(decoding: $0, as: UTF8.self) }
    }

    /// The UTF-8 bytes of `value`.
    public func bytes(from value: JSONValue) -> [UInt8] {
        write(value) { Array($0) }
    }

    /// Writes `value` into a buffer of the writer's own and hands its bytes to `body`.
    private func write<Result>(_ value: JSONValue, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var output = Output(style: style)
        defer { output.buffer.deallocate() }
        output.write(value, depth: 0)
        return body(UnsafeBufferPointer(start: output.buffer.baseAddress, count: output.count))
    }
}

extension JSONWriter {
    /// The text being written, in a buffer grown by doubling: appending a byte or a run of bytes is a store
    /// or a copy, without the checks of an array's `append` on each of the millions of calls a template takes.
    private struct Output {
        var buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        let indentWidth: Int?
        /// `"\n"` followed by spaces: a line break and its indentation are a prefix of it, copied at once.
        private static let lineBreak: [UInt8] = [UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 256)

        init(style: Style) {
            switch style {
            // A negative indentation writes none (it would move the writing position backwards).
            case .pretty(let indent): indentWidth = max(0, indent)
            case .compact: indentWidth = nil
            }
            buffer = .allocate(capacity: 4096)
        }

        /// Makes room for `extra` more bytes: a comparison, inlined into every append; growing is out of line.
        @inline(__always)
        private mutating func reserve(_ extra: Int) {
            if count + extra > buffer.count { grow(toFit: extra) }
        }

        @inline(never)
        private mutating func grow(toFit extra: Int) {
            var capacity = buffer.count * 2
            while capacity < count + extra { capacity *= 2 }
            let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
            grown.baseAddress!.update(from: buffer.baseAddress!, count: count)
            buffer.deallocate()
            buffer = grown
        }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            reserve(1)
            buffer[count] = byte
            count += 1
        }

        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            reserve(bytes.count)
            (buffer.baseAddress! + count).update(from: source, count: bytes.count)
            count += bytes.count
        }

        mutating func append(_ text: StaticString) {
            text.withUTF8Buffer { append($0) }
        }

        mutating func append(contentsOf text: String) {
            var text = text
            text.withUTF8 { append($0) }
        }

        mutating func newline(depth: Int) {
            guard let indentWidth else { return }
            let length = 1 + depth * indentWidth
            if length <= 16 {
                // The usual line break: "\n" and 15 spaces in two 8-byte stores, then the count moves by the
                // length alone (the bytes past it are written over next).
                reserve(16)
                let target = UnsafeMutableRawPointer(buffer.baseAddress! + count)
                target.storeBytes(of: UInt64(0x2020_2020_2020_200A).littleEndian, as: UInt64.self)
                (target + 8).storeBytes(of: UInt64(0x2020_2020_2020_2020).littleEndian, as: UInt64.self)
                count += length
            } else if length <= Self.lineBreak.count {
                Self.lineBreak.withUnsafeBufferPointer { append(UnsafeBufferPointer(rebasing: $0[..<length])) }
            } else {
                append(UInt8(ascii: "\n"))
                for _ in 1..<length { append(UInt8(ascii: " ")) }
            }
        }

        mutating func write(_ value: JSONValue, depth: Int) {
            switch value {
            case .null: append("null")
            case .bool(let flag): flag ? append("true") : append("false")
            case .number(let number): append(contentsOf: JSONNumberFormat.string(number))
            case .numberText(let text): append(contentsOf: text)
            case .string(let string): writeString(string)
            case .array(let elements):
                guard !elements.isEmpty else { return append("[]") }
                append(UInt8(ascii: "["))
                // Elements and members are read in place (by index) rather than copied out by an iterator.
                for index in elements.indices {
                    if index > 0 { append(UInt8(ascii: ",")) }
                    newline(depth: depth + 1)
                    write(elements[index], depth: depth + 1)
                }
                newline(depth: depth)
                append(UInt8(ascii: "]"))
            case .object(let members):
                guard !members.isEmpty else { return append("{}") }
                append(UInt8(ascii: "{"))
                let keys = members.keys.elements, values = members.values.elements
                for index in keys.indices {
                    if index > 0 { append(UInt8(ascii: ",")) }
                    newline(depth: depth + 1)
                    writeString(keys[index])
                    append(UInt8(ascii: ":"))
                    if indentWidth != nil { append(UInt8(ascii: " ")) }
                    write(values[index], depth: depth + 1)
                }
                newline(depth: depth)
                append(UInt8(ascii: "}"))
            }
        }

        mutating func writeString(_ string: String) {
            append(UInt8(ascii: "\""))
            // A native string's bytes are read in place; only a bridged or lazily made one is copied first.
            if string.utf8.withContiguousStorageIfAvailable({ writeContents($0) }) == nil {
                var copy = string
                copy.withUTF8 { writeContents($0) }
            }
            append(UInt8(ascii: "\""))
        }

        /// A string's UTF-8 between its quotes: copied at once when nothing needs escaping, as almost nothing does.
        private mutating func writeContents(_ utf8: UnsafeBufferPointer<UInt8>) {
            guard Self.needsEscaping(utf8) else { return append(utf8) }
            for byte in utf8 { writeEscaped(byte) }
        }

        /// Whether `utf8` holds a quote, a backslash or a control character, read eight bytes at a time: a byte
        /// below `0x20` leaves its top bit set in `(word - 0x20…) & ~word`, a byte equal to `c` in
        /// `((word ^ c…) - 0x01…) & ~(word ^ c…)` (the bytes of a multi-byte character have their top bit set
        /// and are never flagged).
        static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = utf8.baseAddress else { return false }
            let ones: UInt64 = 0x0101_0101_0101_0101, tops: UInt64 = 0x8080_8080_8080_8080
            func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & tops != 0 }
            var index = 0
            while index + 8 <= utf8.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if (word &- 0x20 &* ones) & ~word & tops != 0 || hasZeroByte(word ^ (0x22 &* ones)) || hasZeroByte(word ^ (0x5C &* ones)) {
                    return true
                }
                index += 8
            }
            while index < utf8.count {
                let byte = base[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
                index += 1
            }
            return false
        }

        /// Escapes exactly what `JSON.stringify` escapes: quote, backslash and control characters.
        mutating func writeEscaped(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                append("\\u00")
                append(hex[Int(byte >> 4)])
                append(hex[Int(byte & 0xF)])
            default: append(byte)
            }
        }
    }
}

/// Formats numbers the way JavaScript's `Number.prototype.toString` does for the values templates hold.
enum JSONNumberFormat {
    static func string(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e21 {
            if abs(number) < 9.2e18 { return String(Int64(number)) }
        }
        var text = "\(number)"
        // Swift writes `1e-07`, JavaScript `1e-7`; Swift `1e+21`, JavaScript `1e+21`.
        if let exponentIndex = text.firstIndex(of: "e") {
            let mantissa = text[..<exponentIndex]
            var exponent = text[text.index(after: exponentIndex)...]
            var sign = "+"
            if exponent.first == "-" || exponent.first == "+" {
                sign = exponent.first == "-" ? "-" : "+"
                exponent = exponent.dropFirst()
            }
            let digits = exponent.drop(while: { $0 == "0" })
            text = "\(mantissa)e\(sign)\(digits.isEmpty ? "0" : String(digits))"
        }
        return text
    }
}
