/// Bytes written as hexadecimal text, two digits a byte: how digests are printed.
enum HexDigits {
    /// `bytes` as two lowercase hex digits each.
    static func text(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes { append(byte, to: &text) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends the two digits of `byte` to `text`, lowercase unless `uppercase`.
    static func append(_ byte: UInt8, uppercase: Bool = false, to text: inout [UInt8]) {
        text.append(digit(byte &>> 4, uppercase: uppercase))
        text.append(digit(byte & 0x0f, uppercase: uppercase))
    }

    private static func digit(_ value: UInt8, uppercase: Bool) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") &+ value : (uppercase ? UInt8(ascii: "A") : UInt8(ascii: "a")) &+ value &- 10
    }
}
