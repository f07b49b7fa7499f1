/// The padding MD5 and SHA-256 append to a message before its last blocks: `0x80`, zeros up to 56 bytes
/// modulo 64, then the message length in bits as 8 bytes.
enum DigestPadding {
    /// The padding for a message of `byteCount` bytes, its length written big-endian (SHA-256) or
    /// little-endian (MD5).
    static func bytes(forMessageOf byteCount: UInt64, bigEndianLength: Bool) -> [UInt8] {
        let bitLength = byteCount &* 8
        var padding: [UInt8] = [0x80]
        while (byteCount + UInt64(padding.count)) % 64 != 56 { padding.append(0) }
        let shifts = stride(from: UInt64(0), to: 64, by: 8)
        for shift in bigEndianLength ? Array(shifts.reversed()) : Array(shifts) {
            padding.append(UInt8(truncatingIfNeeded: bitLength >> shift))
        }
        return padding
    }
}
