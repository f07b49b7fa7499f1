/// The padding MD5 and SHA-256 append to a message before its last blocks: `0x80`, zeros up to 56 bytes
/// modulo 64, then the message length in bits as 8 bytes.
enum DigestPadding {
    /// Appends the padding for a message of `byteCount` bytes to `message`, its length written big-endian
    /// (SHA-256) or little-endian (MD5).
    static func append(forMessageOf byteCount: UInt64, bigEndianLength: Bool, to message: inout [UInt8]) {
        let zeros = (119 - Int(byteCount % 64)) % 64
        message.append(0x80)
        // Copied from a block of zeros and from the length's own bytes: appending one byte at a time cost
        // more than the compression of a short message.
        message.append(contentsOf: zeroBlock[..<zeros])
        let bitLength = byteCount &* 8
        withUnsafeBytes(of: bigEndianLength ? bitLength.bigEndian : bitLength.littleEndian) { message.append(contentsOf: $0) }
    }

    private static let zeroBlock = [UInt8](repeating: 0, count: 64)
}
