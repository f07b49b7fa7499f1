/// Stacks apart: each stack is expanded, and settled (references included, deferred work run) when it can
/// be, in a tree of its own, on a core each; the trees are merged in stack order.
///
/// The result must be what the whole app in one tree gives. A stack that keeps to itself settles the same
/// either way. When a stack requires another stack's constructs (an edge between stacks, such as a
/// subscription to a shared topic), the expanded trees are merged and settled together. A stack that
/// fails, or reaches into another without saying so (a lookup that would have found another stack's
/// construct, a contribution to another stack's construct), sends the whole app through the serial path,
/// which also reports the errors.
extension Synthesizer {
    /// The settled tree of `stacks`, or `nil` when they must go through the serial path.
    static func settleInParallel(_ stacks: [Stack]) throws(SynthesisError) -> ConstructTree? {
        guard stacks.count > 1 else { return nil }
        let expanded = ConcurrentMap.map(stacks) { stack in
            StackTree(tree: try? expand([stack], into: .forOneStack()))
        }
        let trees = expanded.compactMap(\.tree)
        guard trees.count == stacks.count else { return nil }
        var everywhere = Set<ConstructIdentity>()
        for tree in trees { everywhere.formUnion(tree.identities.keys) }
        if trees.contains(where: { $0.requiresConstructs(of: everywhere) }) {
            guard let tree = merged(trees) else { return nil }
            try settle(tree)
            return tree
        }
        let shared = everywhere
        let settled = ConcurrentMap.map(expanded) { part in
            guard let tree = part.tree, let missed = settleApart(tree, everywhere: shared) else { return StackTree(tree: nil) }
            return StackTree(tree: tree, missedWhileSettling: missed)
        }
        let parts = settled.compactMap(\.tree)
        guard parts.count == stacks.count else { return nil }
        // After expansion every stack's constructs exist, and a stack settling may include more: a lookup
        // that missed while settling must not be of a construct any stack now holds.
        let missed = settled.reduce(into: Set<ConstructIdentity>()) { $0.formUnion($1.missedWhileSettling) }
        guard !missed.contains(where: { identity in parts.contains { $0.holds(identity) } }) else { return nil }
        return merged(parts)
    }

    /// One tree of `parts`, in order; `nil` when a part conflicts with an earlier one.
    private static func merged(_ parts: [ConstructTree]) -> ConstructTree? {
        let tree = ConstructTree()
        tree.reserveCapacity(toAbsorb: parts)
        for part in parts {
            guard tree.absorb(part) else { return nil }
        }
        return tree
    }

    /// Settles one stack's tree; returns the constructs it looked up and lacked while settling, or `nil` when
    /// it failed or reached into another stack's contributions.
    private static func settleApart(_ tree: ConstructTree, everywhere: Set<ConstructIdentity>) -> Set<ConstructIdentity>? {
        let missedWhileExpanding = tree.missedIdentities
        tree.missedIdentities = []
        guard (try? settle(tree, elsewhere: everywhere)) != nil else { return nil }
        let missedWhileSettling = tree.missedIdentities ?? []
        tree.missedIdentities = missedWhileExpanding
        let keptToItself =
            tree.contributions.keys.allSatisfy { tree.holds($0.target) }
            && tree.readContributionSlots.allSatisfy { tree.holds($0.target) }
        // Every finalizer has read its contributions: free them here, in parallel, not at the merge.
        tree.contributions = [:]
        tree.readContributionSlots = []
        return keptToItself ? missedWhileSettling : nil
    }

    /// A stack's tree, handed from the task that built it to the next step; never shared between tasks.
    private struct StackTree: @unchecked Sendable {
        let tree: ConstructTree?
        /// The constructs the stack looked up and lacked while it settled.
        var missedWhileSettling: Set<ConstructIdentity> = []
    }
}
