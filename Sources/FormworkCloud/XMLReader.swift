import Foundation

/// Reads the XML that AWS's Query and REST-XML protocols answer with into an ``XMLTree``, in one pass over the
/// bytes: time linear in the input, nesting bounded by ``XMLTree/maximumDepth``, no recursion.
///
/// What it reads is the part of XML 1.0 such answers use: the XML declaration and processing instructions,
/// comments, elements with attributes (checked, then dropped), character data with the five predefined
/// entities and numeric character references, CDATA sections, and line ends normalized to `\n`. A document
/// type declaration (`<!DOCTYPE`) is refused: AWS never sends one, and it is where entity expansion attacks live.
struct XMLReader {
    /// Why a document was refused; the position is a byte offset into the input.
    struct Refusal: Error, Equatable {
        /// The byte offset at which reading stopped.
        var offset: Int
        /// What was wrong there.
        var reason: String
    }

    private let bytes: [UInt8]
    private var index = 0

    /// A reader of `data`.
    init(_ data: Data) {
        bytes = [UInt8](data)
    }

    /// The document's root element; throws when the input is not UTF-8, not well-formed, or nested too deep.
    mutating func readDocument() throws(Refusal) -> XMLTree {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw Refusal(offset: 0, reason: "not UTF-8") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        try skipMisc()
        guard peek(0) == UInt8(ascii: "<") else { throw refusal("expected the root element") }
        let root = try readElement()
        try skipMisc()
        guard index == bytes.count else { throw refusal("content after the root element") }
        return root
    }

    // MARK: Elements

    /// Reads an element starting at its `<`, its whole content included, keeping a stack of the open elements.
    private mutating func readElement() throws(Refusal) -> XMLTree {
        var open: [(qualifiedName: ArraySlice<UInt8>, tree: XMLTree)] = []
        var text: [UInt8] = []
        while true {
            if let (name, closesItself) = try readStartTagIfPresent() {
                guard open.count < XMLTree.maximumDepth else { throw refusal("nested deeper than \(XMLTree.maximumDepth)") }
                if !open.isEmpty { open[open.count - 1].tree.text += String(decoding: text, as: UTF8.self) }
                text.removeAll(keepingCapacity: true)
                let element = XMLTree(name: Self.localName(name))
                if closesItself {
                    guard !open.isEmpty else { return element }
                    open[open.count - 1].tree.children.append(element)
                } else {
                    open.append((name, element))
                }
                continue
            }
            guard let innermost = open.last else { throw refusal("expected an element") }
            guard index < bytes.count else {
                throw refusal("the document ends inside <\(String(decoding: innermost.qualifiedName, as: UTF8.self))>")
            }
            if hasPrefix("</") {
                index += 2
                let name = try readName()
                skipWhitespace()
                try expect(">")
                guard let closed = open.popLast(), name.elementsEqual(closed.qualifiedName) else {
                    throw refusal("end tag </\(String(decoding: name, as: UTF8.self))> does not match its start tag")
                }
                var element = closed.tree
                element.text += String(decoding: text, as: UTF8.self)
                text.removeAll(keepingCapacity: true)
                guard !open.isEmpty else { return element }
                open[open.count - 1].tree.children.append(element)
            } else if hasPrefix("<![CDATA[") {
                index += 9
                let end = try find("]]>")
                appendNormalizingLineEnds(bytes[index..<end], to: &text)
                index = end + 3
            } else if hasPrefix("<!--") {
                try skipComment()
            } else if hasPrefix("<?") {
                try skipProcessingInstruction()
            } else if peek(0) == UInt8(ascii: "<") {
                throw refusal("markup that is not an element, comment, CDATA section or processing instruction")
            } else {
                try readCharacterData(into: &text)
            }
        }
    }

    /// Reads a start tag (`<name attr="v">` or `<name/>`) when one starts here; `nil` when the next markup is
    /// something else.
    private mutating func readStartTagIfPresent() throws(Refusal) -> (name: ArraySlice<UInt8>, closesItself: Bool)? {
        guard peek(0) == UInt8(ascii: "<"), let next = peek(1), Self.isNameStart(next) else { return nil }
        index += 1
        let name = try readName()
        while true {
            let hadSpace = skipWhitespace()
            if hasPrefix("/>") {
                index += 2
                return (name, true)
            }
            if peek(0) == UInt8(ascii: ">") {
                index += 1
                return (name, false)
            }
            guard hadSpace else { throw refusal("expected whitespace, '>' or '/>' in a start tag") }
            try skipAttribute()
        }
    }

    /// Skips `name = "value"` (or single quotes), checking the value's entity references.
    private mutating func skipAttribute() throws(Refusal) {
        _ = try readName()
        skipWhitespace()
        try expect("=")
        skipWhitespace()
        guard let quote = peek(0), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw refusal("expected a quoted attribute value")
        }
        index += 1
        var ignored: [UInt8] = []
        while let byte = peek(0), byte != quote {
            if byte == UInt8(ascii: "<") { throw refusal("'<' in an attribute value") }
            if byte == UInt8(ascii: "&") { try readReference(into: &ignored) } else { index += 1 }
        }
        try expect(quote)
    }

    /// An XML name: a letter, `_`, `:` or non-ASCII byte, then those, digits, `-` and `.`.
    private mutating func readName() throws(Refusal) -> ArraySlice<UInt8> {
        let start = index
        guard let first = peek(0), Self.isNameStart(first) else { throw refusal("expected a name") }
        index += 1
        while let byte = peek(0), Self.isNameStart(byte) || Self.isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") {
            index += 1
        }
        return bytes[start..<index]
    }

    // MARK: Character data

    /// Reads character data up to the next `<`, decoding references and normalizing line ends.
    private mutating func readCharacterData(into text: inout [UInt8]) throws(Refusal) {
        let start = index
        while let byte = peek(0), byte != UInt8(ascii: "<"), byte != UInt8(ascii: "&") { index += 1 }
        appendNormalizingLineEnds(bytes[start..<index], to: &text)
        if peek(0) == UInt8(ascii: "&") { try readReference(into: &text) }
    }

    /// Reads `&name;`, `&#N;` or `&#xN;` and appends what it stands for.
    private mutating func readReference(into text: inout [UInt8]) throws(Refusal) {
        let start = index
        index += 1
        let nameStart = index
        while let byte = peek(0), byte != UInt8(ascii: ";") {
            guard index - nameStart < 12 else { throw refusal("an entity reference that does not end") }
            index += 1
        }
        try expect(";")
        let name = bytes[nameStart..<(index - 1)]
        if let scalar = Self.characterReference(name) ?? Self.predefinedEntity(name) {
            text.append(contentsOf: String(Character(scalar)).utf8)
        } else {
            index = start
            throw refusal("unknown entity or character reference &\(String(decoding: name, as: UTF8.self));")
        }
    }

    /// `#N` or `#xN` as the Unicode scalar XML allows there, `nil` otherwise.
    private static func characterReference(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        guard name.first == UInt8(ascii: "#") else { return nil }
        var digits = name.dropFirst()
        let radix: UInt32
        if digits.first == UInt8(ascii: "x") {
            radix = 16
            digits = digits.dropFirst()
        } else {
            radix = 10
        }
        guard !digits.isEmpty, let value = UInt32(String(decoding: digits, as: UTF8.self), radix: Int(radix)),
            let scalar = Unicode.Scalar(value), Self.isXMLCharacter(scalar)
        else { return nil }
        return scalar
    }

    /// `lt`, `gt`, `amp`, `quot` and `apos`.
    private static func predefinedEntity(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        switch String(decoding: name, as: UTF8.self) {
        case "lt": "<"
        case "gt": ">"
        case "amp": "&"
        case "quot": "\""
        case "apos": "'"
        default: nil
        }
    }

    /// XML 1.0's `Char` production: tab, line feed, carriage return and everything from space up, minus the
    /// surrogates (which `Unicode.Scalar` already excludes) and U+FFFE/U+FFFF.
    private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Appends `slice` with `\r\n` and lone `\r` as `\n`, as XML 1.0 §2.11 asks.
    private func appendNormalizingLineEnds(_ slice: ArraySlice<UInt8>, to text: inout [UInt8]) {
        var previousWasReturn = false
        for byte in slice {
            if byte == UInt8(ascii: "\r") {
                text.append(UInt8(ascii: "\n"))
                previousWasReturn = true
                continue
            }
            if !(byte == UInt8(ascii: "\n") && previousWasReturn) { text.append(byte) }
            previousWasReturn = false
        }
    }

    // MARK: Comments, processing instructions, the prolog

    /// Skips whitespace, comments and processing instructions (before and after the root element); refuses a
    /// document type declaration.
    private mutating func skipMisc() throws(Refusal) {
        while true {
            skipWhitespace()
            if hasPrefix("<!--") {
                try skipComment()
            } else if hasPrefix("<?") {
                try skipProcessingInstruction()
            } else if hasPrefix("<!DOCTYPE") {
                throw refusal("a document type declaration (AWS answers have none)")
            } else {
                return
            }
        }
    }

    private mutating func skipComment() throws(Refusal) {
        index += 4
        index = try find("-->") + 3
    }

    private mutating func skipProcessingInstruction() throws(Refusal) {
        index += 2
        _ = try readName()
        index = try find("?>") + 2
    }

    // MARK: Bytes

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private func hasPrefix(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        return text.withUTF8Buffer { prefix in
            (0..<count).allSatisfy { bytes[index + $0] == prefix[$0] }
        }
    }

    /// The offset of the next `terminator` at or after the current position.
    private func find(_ terminator: StaticString) throws(Refusal) -> Int {
        let count = terminator.utf8CodeUnitCount
        let found = terminator.withUTF8Buffer { target -> Int? in
            var position = index
            while position + count <= bytes.count {
                if bytes[position] == target[0], (1..<count).allSatisfy({ bytes[position + $0] == target[$0] }) {
                    return position
                }
                position += 1
            }
            return nil
        }
        guard let found else { throw Refusal(offset: bytes.count, reason: "'\(terminator)' never comes") }
        return found
    }

    private mutating func expect(_ character: Unicode.Scalar) throws(Refusal) {
        try expect(UInt8(ascii: character))
    }

    private mutating func expect(_ byte: UInt8) throws(Refusal) {
        guard peek(0) == byte else { throw refusal("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = index
        while let byte = peek(0), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        return index > start
    }

    private func refusal(_ reason: String) -> Refusal {
        Refusal(offset: index, reason: reason)
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The part of a qualified name after its last `:` (`DescribeStacksResult` from `a:DescribeStacksResult`).
    private static func localName(_ name: ArraySlice<UInt8>) -> String {
        let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
        return String(decoding: local.isEmpty ? name : local, as: UTF8.self)
    }
}
