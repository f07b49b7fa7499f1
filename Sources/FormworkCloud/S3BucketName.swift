/// S3's rule for bucket names (general purpose buckets): 3 to 63 characters of lowercase letters, digits,
/// dots and hyphens, starting and ending with a letter or digit. A name built from an answer (an account
/// id) or an option is checked before it becomes part of a URL.
public enum S3BucketName {
    /// Whether `name` is a bucket name S3 accepts.
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (3...63).contains(bytes.count), let first = bytes.first, let last = bytes.last, isLetterOrDigit(first), isLetterOrDigit(last) else {
            return false
        }
        return bytes.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
