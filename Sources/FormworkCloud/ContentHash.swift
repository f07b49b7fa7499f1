import Crypto
import Foundation

/// The SHA-256 of content as lowercase hex: S3 payload hashes, content-addressed object keys.
public enum ContentHash {
    /// The SHA-256 of `data`: 64 lowercase hexadecimal digits.
    public static func sha256(_ data: Data) -> String {
        SigV4Signer.hex(SHA256.hash(data: data))
    }
}
