import FormworkTemplate

/// CDK's logical-ID algorithm (`makeUniqueId` in aws-cdk-lib), so that a stack moved from CDK to Formwork
/// keeps every logical ID and CloudFormation replaces nothing.
///
/// For the construct path below the stack, e.g. `["Orders", "Queue", "Resource"]`:
/// 1. components equal to `Default` are dropped (from the readable part and the hash);
/// 2. a single component is used as is, without its non-alphanumerics, when it is ≤ 255 characters;
/// 3. otherwise the readable part joins the components, skipping one that the previous kept component ends
///    with and any `Resource`, keeps only `[A-Za-z0-9]` and its first 240 characters; the hash is the first
///    8 hex digits of MD5 over the path joined by `/`, uppercased.
///
/// ```swift
/// LogicalId.make(["MyQueue", "Resource"])  // "MyQueueE6CA6235"
/// ```
public enum LogicalId {
    /// The longest readable part kept before the hash.
    static let maximumHumanLength = 240
    /// The longest logical ID CloudFormation accepts.
    public static let maximumLength = 255

    /// The logical ID CDK gives the element at `components` (the path below its stack), or `nil` when no
    /// component is left after dropping `Default`.
    public static func make(_ components: [String]) -> String? {
        let kept = components.filter { $0 != "Default" }
        guard !kept.isEmpty else { return nil }
        if kept.count == 1 {
            let candidate = alphanumerics(kept[0])
            if candidate.count <= maximumLength { return candidate }
        }
        return humanPart(kept) + hash(kept)
    }

    /// The 8-character uppercase hash CDK appends: MD5 of the path joined by `/`.
    static func hash(_ components: [String]) -> String {
        HexDigits.text(MD5.digest(components.joined(separator: "/").utf8).prefix(4), uppercase: true)
    }

    static func humanPart(_ components: [String]) -> String {
        var human: [UInt8] = []
        var previous: String?
        for component in components {
            if let previous, previous.hasSuffix(component) { continue }
            previous = component
            guard component != "Resource" else { continue }
            human += component.utf8.lazy.filter(\.isASCIIAlphanumeric)
            if human.count >= maximumHumanLength { break }
        }
        return String(decoding: human.prefix(maximumHumanLength), as: UTF8.self)
    }

    static func alphanumerics(_ text: String) -> String {
        String(decoding: text.utf8.filter(\.isASCIIAlphanumeric), as: UTF8.self)
    }
}
