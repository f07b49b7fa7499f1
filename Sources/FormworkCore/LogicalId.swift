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
        var kept = components
        if kept.contains("Default") { kept.removeAll { $0 == "Default" } }
        guard !kept.isEmpty else { return nil }
        if kept.count == 1 {
            let candidate = alphanumerics(kept[0])
            if candidate.count <= maximumLength { return candidate }
        }
        var id = humanPart(kept)
        id += hash(kept).utf8
        return String(decoding: id, as: UTF8.self)
    }

    /// The 8-character uppercase hash CDK appends: MD5 of the path joined by `/`.
    static func hash(_ components: [String]) -> String {
        var path: [UInt8] = []
        path.reserveCapacity(components.reduce(components.count) { $0 + $1.utf8.count })
        for component in components {
            if !path.isEmpty { path.append(UInt8(ascii: "/")) }
            path += component.utf8
        }
        return HexDigits.text(MD5.digest(path).prefix(4), uppercase: true)
    }

    /// The readable part: the kept components' letters and digits, without a component the previous one
    /// ends with (compared as code units, like JavaScript's `endsWith`) and without `Resource`.
    static func humanPart(_ components: [String]) -> [UInt8] {
        var human: [UInt8] = []
        human.reserveCapacity(maximumHumanLength)
        var previous: String.UTF8View?
        for component in components {
            let bytes = component.utf8
            if let previous, previous.count >= bytes.count, previous.suffix(bytes.count).elementsEqual(bytes) { continue }
            previous = bytes
            guard component != "Resource" else { continue }
            for byte in bytes where byte.isASCIIAlphanumeric { human.append(byte) }
            if human.count >= maximumHumanLength { break }
        }
        return Array(human.prefix(maximumHumanLength))
    }

    static func alphanumerics(_ text: String) -> String {
        String(decoding: text.utf8.filter(\.isASCIIAlphanumeric), as: UTF8.self)
    }
}
