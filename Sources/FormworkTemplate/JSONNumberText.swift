/// Decides whether a `Double` holds the number a decimal text says, so that readers keep the text of the
/// numbers it would change (`9007199254740993`, `1e999`, `0.10000000000000000001`).
enum JSONNumberText {
    /// The value of `text` (JSON or YAML decimal syntax, without `_`) as a ``JSONValue``: `.number` when a
    /// `Double` writes back the same number, `.numberText` otherwise. `nil` when `text` is not a number.
    static func value(_ text: Substring) -> JSONValue? {
        guard let number = Double(text) else { return nil }
        // Every number read goes through here: most have at most 15 digits and no exponent, and a Double
        // holds each of those exactly, so only the rest are taken apart and compared.
        // (`Double` also reads `0x1p3`, `inf` and `nan`, which are no decimal numbers.)
        if text.utf8.count <= 15, text.utf8.allSatisfy(isPlainDecimalByte) { return .number(number) }
        guard let parsed = Decimal(text) else { return nil }
        guard number.isFinite, let held = Decimal("\(number)"[...]), held == parsed else { return .numberText(String(text)) }
        return .number(number)
    }

    /// Whether `byte` may stand in a decimal number without an exponent: a digit, a point, a sign.
    private static func isPlainDecimalByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
    }

    /// Whether `text` is a number as JSON writes it: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isJSONSyntax(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        func digits() -> Int {
            let count = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let first = bytes.first
        let integerDigits = digits()
        guard integerDigits > 0, first != UInt8(ascii: "0") || integerDigits == 1 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// A decimal number as sign, significant digits (no leading or trailing zeros) and the exponent of the
    /// first digit, so that two texts of the same number compare equal.
    struct Decimal: Equatable {
        var negative: Bool
        var digits: [UInt8]
        var exponent: Int

        /// The parts of `text`, or `nil` when it is not `[+-]digits[.digits][e[+-]digits]`.
        init?(_ text: Substring) {
            var bytes = text.utf8[...]
            negative = bytes.first == UInt8(ascii: "-")
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            var mantissa: [UInt8] = []
            var pointPosition: Int?
            var sawDigit = false
            while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                if byte == UInt8(ascii: ".") {
                    guard pointPosition == nil else { return nil }
                    pointPosition = mantissa.count
                } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    mantissa.append(byte)
                    sawDigit = true
                } else {
                    return nil
                }
            }
            guard sawDigit else { return nil }
            var exponent = 0
            if !bytes.isEmpty {
                bytes = bytes.dropFirst()
                let exponentNegative = bytes.first == UInt8(ascii: "-")
                if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
                guard !bytes.isEmpty else { return nil }
                for byte in bytes {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                    // Beyond a billion the exact value no longer matters: no Double comes near it.
                    exponent = min(exponent * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000_000)
                }
                if exponentNegative { exponent = -exponent }
            }
            let integerDigits = pointPosition ?? mantissa.count
            let leadingZeros = mantissa.prefix { $0 == UInt8(ascii: "0") }.count
            let trailingZeros = mantissa.reversed().prefix { $0 == UInt8(ascii: "0") }.count
            if leadingZeros == mantissa.count {
                digits = []
                self.exponent = 0
                negative = false
            } else {
                digits = Array(mantissa[leadingZeros..<(mantissa.count - trailingZeros)])
                self.exponent = exponent + integerDigits - leadingZeros
            }
        }
    }
}

extension JSONNumberText.Decimal {
    /// The number in JSON's syntax: `-1.2345e+20`, or `0`.
    var jsonText: String {
        guard let first = digits.first else { return "0" }
        var text = negative ? "-" : ""
        text.unicodeScalars.append(Unicode.Scalar(first))
        if digits.count > 1 {
            text += "."
            text += String(decoding: digits.dropFirst(), as: UTF8.self)
        }
        let power = exponent - 1
        if power != 0 { text += "e\(power < 0 ? "-" : "+")\(abs(power))" }
        return text
    }
}
