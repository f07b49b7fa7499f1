/// The padding MD5 and SHA-256 append to a message before its last blocks: `0x80`, zeros up to 56 bytes
/// modulo 64, then the message length in bits as 8 bytes.
enum DigestPadding {
    /// The padding for a message of `byteCount` bytes, its length written big-endian (SHA-256) or
    /// little-endian (MD5).
    static func bytes(forMessageOf byteCount: UInt64, bigEndianLength: Bool) -> [UInt8] {
        let zeros = (119 - Int(byteCount % 64)) % 64
        var padding = [UInt8](repeating: 0, count: 1 + zeros + 8)
        padding[0] = 0x80
        let bitLength = byteCount &* 8
        for index in 0..<8 {
            let shift = UInt64(bigEndianLength ? 56 - 8 * index : 8 * index)
            padding[1 + zeros + index] = UInt8(truncatingIfNeeded: bitLength >> shift)
        }
        return padding
    }
}
