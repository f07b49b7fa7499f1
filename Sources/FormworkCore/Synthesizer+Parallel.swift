/// Settling stacks apart: each stack is expanded and settled (references included, deferred work run) in a
/// tree of its own, on a core each, and the trees are merged in stack order.
///
/// The result must be what settling the whole app in one tree gives. A stack that keeps to itself settles
/// the same either way; one that reaches into another stack (an edge on another stack's construct, a
/// contribution to another stack's role, a lookup that would have found another stack's construct) or
/// fails in any way sends the whole app through the serial path, which also reports the errors.
extension Synthesizer {
    /// The settled tree of `stacks`, or `nil` when they must be settled in one tree.
    static func settleInParallel(_ stacks: [Stack]) -> ConstructTree? {
        guard stacks.count > 1 else { return nil }
        let expanded = ConcurrentMap.map(stacks) { stack in
            StackTree(tree: try? expand([stack], into: .forOneStack()))
        }
        let trees = expanded.compactMap(\.tree)
        guard trees.count == stacks.count else { return nil }
        var everywhere = Set<ConstructIdentity>()
        for tree in trees { everywhere.formUnion(tree.identities.keys) }
        let shared = everywhere
        let settled = ConcurrentMap.map(trees.map { StackTree(tree: $0) }) { part in
            guard let tree = part.tree, settlesApart(tree, everywhere: shared) else { return StackTree(tree: nil) }
            return part
        }
        let parts = settled.compactMap(\.tree)
        guard parts.count == stacks.count else { return nil }
        let tree = ConstructTree()
        tree.reserveCapacity(toAbsorb: parts)
        for part in parts {
            guard tree.absorb(part) else { return nil }
        }
        return tree
    }

    /// Settles one stack's tree, and returns whether it settled as it would have in the app's tree.
    private static func settlesApart(_ tree: ConstructTree, everywhere: Set<ConstructIdentity>) -> Bool {
        let missedWhileExpanding = tree.missedIdentities
        tree.missedIdentities = []
        guard (try? settle(tree, elsewhere: everywhere)) != nil else { return false }
        // After expansion every stack's constructs exist, so a lookup that missed here would have found one.
        let missedWhileSettling = tree.missedIdentities ?? []
        tree.missedIdentities = missedWhileExpanding
        let keptToItself = missedWhileSettling.isDisjoint(with: everywhere)
            && tree.contributions.keys.allSatisfy { tree.holds($0.target) }
            && tree.readContributionSlots.allSatisfy { tree.holds($0.target) }
        // Every finalizer has read its contributions: free them here, in parallel, not at the merge.
        tree.contributions = [:]
        tree.readContributionSlots = []
        return keptToItself
    }

    /// A stack's tree, handed from the task that built it to the next step; never shared between tasks.
    private struct StackTree: @unchecked Sendable {
        let tree: ConstructTree?
    }
}
