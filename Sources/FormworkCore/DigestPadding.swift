/// The padding SHA-256 appends to a message before its last blocks: `0x80`, zeros up to 56 bytes modulo 64,
/// then the message length in bits as 8 bytes, big-endian. (MD5 pads the same way, little-endian, on the
/// stack: see ``MD5/state(of:)``.)
enum DigestPadding {
    /// Appends the padding for a message of `byteCount` bytes to `message`.
    static func append(forMessageOf byteCount: UInt64, to message: inout [UInt8]) {
        let zeros = (119 - Int(byteCount % 64)) % 64
        message.append(0x80)
        // Copied from a block of zeros and from the length's own bytes: appending one byte at a time cost
        // more than the compression of a short message.
        message.append(contentsOf: zeroBlock[..<zeros])
        withUnsafeBytes(of: (byteCount &* 8).bigEndian) { message.append(contentsOf: $0) }
    }

    private static let zeroBlock = [UInt8](repeating: 0, count: 64)
}
