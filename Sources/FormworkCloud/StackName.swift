/// CloudFormation's rule for stack names: a letter, then letters, digits and hyphens, at most 128 characters
/// (`[a-zA-Z][-a-zA-Z0-9]*`). A name read from an answer is checked against it before it names a file.
public enum StackName {
    /// The longest stack name: 128 characters.
    public static let maximumLength = 128

    /// Whether `name` is a stack name CloudFormation accepts.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= maximumLength, isLetter(first) else { return false }
        return name.utf8.allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
