@testable import FormworkCore
import Testing

/// The digests behind logical IDs (MD5) and asset fingerprints (SHA-256), at the message lengths where
/// padding spills into one more block. Expected values from Python's `hashlib`.
@Suite struct DigestTests {
    @Test(arguments: [
        (55, "ef1772b6dff9a122358552954ad0df65", "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "3b0c8ac703f828b04c6c197006d17218", "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "b06521f39153d618550606be297466d5", "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (119, "8a7bd0732ed6a28ce75f6dabc90e1613", "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "5f61c0ccad4cac44c75ff505e1f1e537", "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
    ])
    func digestsAreRightAroundTheBlockBoundary(length: Int, md5: String, sha256: String) {
        let message = Array(repeating: UInt8(ascii: "a"), count: length)
        #expect(MD5.hex(message) == md5)
        #expect(SHA256.hex(message) == sha256)
    }

    @Test func sha256OfTheStandardVectors() {
        #expect(SHA256.hex("".utf8) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func sha256IsTheSameFedInPieces() {
        var hasher = SHA256()
        for piece in ["The quick brown fox ", "jumps over ", "the lazy dog"] { hasher.update(piece.utf8) }
        #expect(hasher.hexDigest() == SHA256.hex("The quick brown fox jumps over the lazy dog".utf8))
    }

    @Test func hexDigitsAreTwoLowercasePerByte() {
        #expect(HexDigits.text([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
    }
}
