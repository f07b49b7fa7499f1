/// Bytes written as hexadecimal text, two digits a byte: how digests are printed.
enum HexDigits {
    /// `bytes` as two lowercase hex digits each.
    static func text(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(lower[Int(byte >> 4)])
            text.append(lower[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let lower = Array("0123456789abcdef".utf8)
}
