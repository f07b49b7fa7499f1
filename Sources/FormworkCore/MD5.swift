/// MD5 (RFC 1321), used only to reproduce the hashes in CDK's logical IDs. It is not used for security.
///
/// A small pure-Swift version keeps swift-crypto (and its cold build time) out of the core. Logical IDs hash
/// a short path each, thousands of times per synthesis, so a digest reads the message in place and pads its
/// tail on the stack: no allocation but the result's.
enum MD5 {
    /// The four state words, `A` to `D`; the digest is their bytes, each word little-endian.
    typealias State = (UInt32, UInt32, UInt32, UInt32)

    /// The digest of `bytes` as 32 lowercase hex digits.
    static func hex(_ bytes: some Collection<UInt8>) -> String {
        HexDigits.text(digest(bytes))
    }

    /// The 16-byte digest of `bytes`.
    static func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let final = bytes.withContiguousStorageIfAvailable { Self.state(of: UnsafeRawBufferPointer($0)) } ?? Array(bytes).withUnsafeBytes(Self.state(of:))
        let words = (final.0.littleEndian, final.1.littleEndian, final.2.littleEndian, final.3.littleEndian)
        return withUnsafeBytes(of: words) { Array($0) }
    }

    /// The state after the whole of `message`: its whole blocks read in place, then the last one or two
    /// blocks (the rest of the message, `0x80`, zeros, the length in bits little-endian) built on the stack.
    static func state(of message: UnsafeRawBufferPointer) -> State {
        var state: State = (0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476)
        let whole = message.count & ~63
        constants.withUnsafeBufferPointer { constants in
            rotations.withUnsafeBufferPointer { rotations in
                var offset = 0
                while offset < whole {
                    compress(UnsafeRawBufferPointer(rebasing: message[offset..<offset + 64]), into: &state, constants: constants, rotations: rotations)
                    offset += 64
                }
                withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
                    tail.initializeMemory(as: UInt8.self, repeating: 0)
                    let rest = message.count - whole
                    if rest > 0 { tail.copyMemory(from: UnsafeRawBufferPointer(rebasing: message[whole...])) }
                    tail[rest] = 0x80
                    let end = rest < 56 ? 64 : 128
                    tail.storeBytes(of: (UInt64(message.count) &* 8).littleEndian, toByteOffset: end - 8, as: UInt64.self)
                    for block in stride(from: 0, to: end, by: 64) {
                        compress(UnsafeRawBufferPointer(rebasing: tail[block..<block + 64]), into: &state, constants: constants, rotations: rotations)
                    }
                }
            }
        }
        return state
    }

    /// Mixes one 64-byte block into `state`: four rounds of sixteen steps, each round with its own function and
    /// order of the block's little-endian words, each step with its rotation.
    private static func compress(
        _ block: UnsafeRawBufferPointer, into state: inout State, constants: UnsafeBufferPointer<UInt32>, rotations: UnsafeBufferPointer<UInt32>
    ) {
        @inline(__always) func word(_ index: Int) -> UInt32 {
            UInt32(littleEndian: block.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
        }
        var (a, b, c, d) = state
        @inline(__always) func step(_ index: Int, _ f: UInt32, _ g: Int) {
            let rotation = rotations[index]
            let sum = f &+ a &+ constants[index] &+ word(g)
            a = d
            d = c
            c = b
            b = b &+ ((sum &<< rotation) | (sum &>> (32 &- rotation)))
        }
        for index in 0..<16 { step(index, (b & c) | (~b & d), index) }
        for index in 16..<32 { step(index, (d & b) | (~d & c), (5 &* index &+ 1) & 15) }
        for index in 32..<48 { step(index, b ^ c ^ d, (3 &* index &+ 5) & 15) }
        for index in 48..<64 { step(index, c ^ (b | ~d), (7 &* index) & 15) }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }

    /// The left rotation of each step: four amounts per round, repeated.
    private static let rotations: [UInt32] = [
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
