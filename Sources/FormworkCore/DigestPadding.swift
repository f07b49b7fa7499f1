/// The padding MD5 and SHA-256 append to a message before its last blocks: `0x80`, zeros up to 56 bytes
/// modulo 64, then the message length in bits as 8 bytes.
enum DigestPadding {
    /// Appends the padding for a message of `byteCount` bytes to `message`, its length written big-endian
    /// (SHA-256) or little-endian (MD5).
    static func append(forMessageOf byteCount: UInt64, bigEndianLength: Bool, to message: inout [UInt8]) {
        let zeros = (119 - Int(byteCount % 64)) % 64
        message.append(0x80)
        message.append(contentsOf: repeatElement(0, count: zeros))
        let bitLength = byteCount &* 8
        for index in 0..<8 {
            let shift = UInt64(bigEndianLength ? 56 - 8 * index : 8 * index)
            message.append(UInt8(truncatingIfNeeded: bitLength >> shift))
        }
    }
}
