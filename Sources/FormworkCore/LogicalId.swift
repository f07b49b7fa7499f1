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
        appendHash(of: kept, to: &id)
        return String(decoding: id, as: UTF8.self)
    }

    /// The 8-character uppercase hash CDK appends: MD5 of the path joined by `/`.
    static func hash(_ components: [String]) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(8)
        appendHash(of: components, to: &digits)
        return String(decoding: digits, as: UTF8.self)
    }

    /// Appends the hash of `components` to `text`: the first four bytes of the digest, two uppercase hex
    /// digits each. The joined path is built on the stack when it is short, as paths are.
    static func appendHash(of components: [String], to text: inout [UInt8]) {
        let count = components.reduce(max(0, components.count - 1)) { $0 + $1.utf8.count }
        let first = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { path in
            var end = 0
            // A separator between each two components, empty ones too (`components.join("/")`).
            for (position, var component) in components.enumerated() {
                if position > 0 {
                    path[end] = UInt8(ascii: "/")
                    end += 1
                }
                component.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: path[end..<end + bytes.count]).initialize(from: bytes)
                    end += bytes.count
                }
            }
            return MD5.state(of: UnsafeRawBufferPointer(path)).0
        }
        // The digest's first four bytes are the first state word's, least significant first.
        for shift in stride(from: UInt32(0), to: 32, by: 8) {
            HexDigits.append(UInt8(truncatingIfNeeded: first &>> shift), uppercase: true, to: &text)
        }
    }

    /// The readable part: the kept components' letters and digits, without a component the previous one
    /// ends with (compared as code units, like JavaScript's `endsWith`) and without `Resource`. Its capacity
    /// leaves room for the hash.
    static func humanPart(_ components: [String]) -> [UInt8] {
        var human: [UInt8] = []
        human.reserveCapacity(maximumHumanLength + 8)
        var previous: String?
        for component in components {
            if let previous, previous.endsWithCodeUnits(of: component) { continue }
            previous = component
            guard component != "Resource" else { continue }
            for byte in component.utf8 where byte.isASCIIAlphanumeric { human.append(byte) }
            if human.count >= maximumHumanLength { break }
        }
        if human.count > maximumHumanLength { human.removeLast(human.count - maximumHumanLength) }
        return human
    }

    static func alphanumerics(_ text: String) -> String {
        String(decoding: text.utf8.filter(\.isASCIIAlphanumeric), as: UTF8.self)
    }
}
