/// CDK's `Names.uniqueResourceName`: a physical name CDK generates from a construct's path when a resource
/// needs one and the user gave none (a FIFO topic's name, for one).
///
/// For the path with the stack, e.g. `["Orders", "Events"]` and separator `-`: components equal to
/// `Default` are dropped; a single component is its letters and digits when it fits; otherwise the
/// readable part joins the components' letters and digits (skipping `Resource` and a component the previous
/// one ends with), each followed by the separator, then the 8-character hash of ``LogicalId``
/// (`Orders-Events-1A2B3C4D`). A readable part too long keeps its start and its end.
public enum UniqueResourceName {
    /// The name for `components`, at most `maxLength` characters.
    public static func make(_ components: [String], maxLength: Int = 256, separator: String = "") -> String? {
        let kept = components.filter { $0 != "Default" }
        guard !kept.isEmpty else { return nil }
        if kept.count == 1 {
            let candidate = LogicalId.alphanumerics(kept[0])
            if candidate.count <= maxLength { return candidate }
        }
        var distinct: [String] = []
        for component in kept where !(distinct.last?.endsWithCodeUnits(of: component) ?? false) { distinct.append(component) }
        let human =
            distinct.filter { $0 != "Resource" }.map(LogicalId.alphanumerics).filter { !$0.isEmpty }
            .joined(separator: separator) + separator
        let hash = LogicalId.hash(kept)
        let maximumHuman = maxLength - hash.count
        guard human.count > maximumHuman else { return human + hash }
        // JavaScript's slice truncates the half of an odd length.
        let half = maximumHuman / 2
        return String(human.prefix(half) + human.suffix(half)) + hash
    }
}

extension ConstructScope {
    /// CDK's generated physical name for the construct at this scope (see ``UniqueResourceName``).
    public func uniqueResourceName(maxLength: Int = 256, separator: String = "") -> String {
        UniqueResourceName.make(tree.components(of: node), maxLength: maxLength, separator: separator) ?? idInParent
    }
}
