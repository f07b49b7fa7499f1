/// MD5 (RFC 1321), used only to reproduce the hashes in CDK's logical IDs. It is not used for security.
///
/// A small pure-Swift version keeps swift-crypto (and its cold build time) out of the core.
enum MD5 {
    /// The digest of `bytes` as 32 lowercase hex digits.
    static func hex(_ bytes: some Collection<UInt8>) -> String {
        HexDigits.text(digest(bytes))
    }

    static func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var message: [UInt8] = []
        message.reserveCapacity(bytes.count + 72)
        message.append(contentsOf: bytes)
        DigestPadding.append(forMessageOf: UInt64(message.count), bigEndianLength: false, to: &message)
        var state: (UInt32, UInt32, UInt32, UInt32) = (0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476)
        message.withUnsafeBytes { message in
            shifts.withUnsafeBufferPointer { shifts in
                constants.withUnsafeBufferPointer { constants in
                    for chunk in stride(from: 0, to: message.count, by: 64) {
                        compress(UnsafeRawBufferPointer(rebasing: message[chunk..<chunk + 64]), into: &state, shifts: shifts, constants: constants)
                    }
                }
            }
        }
        let words = (state.0.littleEndian, state.1.littleEndian, state.2.littleEndian, state.3.littleEndian)
        return withUnsafeBytes(of: words) { Array($0) }
    }

    /// Mixes one 64-byte block into `state`: four rounds of sixteen steps, each round with its own function
    /// and order of the block's little-endian words.
    private static func compress(
        _ block: UnsafeRawBufferPointer, into state: inout (UInt32, UInt32, UInt32, UInt32),
        shifts: UnsafeBufferPointer<UInt32>, constants: UnsafeBufferPointer<UInt32>
    ) {
        @inline(__always) func word(_ index: Int) -> UInt32 {
            UInt32(littleEndian: block.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
        }
        var (a, b, c, d) = state
        @inline(__always) func step(_ round: Int, _ f: UInt32, _ g: Int) {
            let sum = f &+ a &+ constants[round] &+ word(g)
            a = d
            d = c
            c = b
            b = b &+ ((sum << shifts[round]) | (sum >> (32 &- shifts[round])))
        }
        for round in 0..<16 { step(round, (b & c) | (~b & d), round) }
        for round in 16..<32 { step(round, (d & b) | (~d & c), (5 &* round &+ 1) & 15) }
        for round in 32..<48 { step(round, b ^ c ^ d, (3 &* round &+ 5) & 15) }
        for round in 48..<64 { step(round, c ^ (b | ~d), (7 &* round) & 15) }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }

    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]

    /// `floor(abs(sin(i + 1)) * 2^32)` for i in 0..<64.
    private static let constants: [UInt32] = [
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    ]
}
