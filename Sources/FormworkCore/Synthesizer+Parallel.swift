import FormworkSchema

/// Stacks apart: each stack is expanded, and settled (references included, deferred work run) when it can
/// be, in a tree of its own, on a core each. Stacks that keep to themselves entirely (no edge to, reference to
/// or construct shared with another stack) are then resolved apart too, each into its template on a core,
/// with no merge; otherwise the trees are merged in stack order and resolved together.
///
/// The result must be what the whole app in one tree gives. A stack that keeps to itself settles and
/// resolves the same either way. When a stack requires another stack's constructs (an edge between stacks,
/// such as a subscription to a shared topic), the expanded trees are merged and settled together; when it
/// only references them (an output of another stack's queue URL), they are settled apart and merged to
/// resolve. A stack that fails, or reaches into another without saying so (a lookup that would have found
/// another stack's construct, a contribution to another stack's construct), sends the whole app through the
/// serial path, which also reports the errors.
extension Synthesizer {
    /// How the stacks settled in parallel.
    enum ParallelSettlement {
        /// In one tree, to resolve together.
        case merged(ConstructTree)
        /// Each in a tree of its own, in stack order, none referencing another's constructs: each resolves alone.
        case apart([ConstructTree])
    }

    /// The settled trees of `stacks`, or `nil` when they must go through the serial path.
    static func settleInParallel(_ stacks: [Stack]) throws(SynthesisError) -> ParallelSettlement? {
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
            return .merged(tree)
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
        if !parts.contains(where: \.referencesElsewhere), keepApart(parts) { return .apart(parts) }
        return merged(parts).map(ParallelSettlement.merged)
    }

    /// Whether settled `parts` can resolve apart: no construct is in two of them, and no part's expansion looked
    /// for a construct another holds (what ``ConstructTree/absorb(_:)`` checks before merging).
    private static func keepApart(_ parts: [ConstructTree]) -> Bool {
        var held = Set<ConstructIdentity>(minimumCapacity: parts.reduce(0) { $0 + $1.identities.count })
        for part in parts {
            for identity in part.identities.keys where !held.insert(identity).inserted { return false }
        }
        return !parts.contains { part in (part.missedIdentities ?? []).contains { held.contains($0) && !part.holds($0) } }
    }

    /// The assembly of stacks settled apart (`parts`, in the order of `stacks`), each resolved alone on a core;
    /// `nil` when one fails, so that the serial path reports the error as it always does. Each task frees its
    /// tree when done.
    static func resolveApart(_ parts: [ConstructTree], stacks: [Stack], validatingWith validator: TemplateValidator?) -> CloudAssembly? {
        let trees = parts.map { StackTree(tree: $0) }
        let resolved = ConcurrentMap.map(Array(stacks.indices)) { index in
            guard let tree = trees[index].tree, let node = tree.child(of: ConstructTree.root, named: stacks[index].name) else {
                return Optional<CloudAssembly>.none
            }
            defer { tree.releaseAll() }
            return try? StackResolver(tree: tree, stacks: [stacks[index]], stackNodes: [node]).resolve(validatingWith: validator)
        }
        var assembly = CloudAssembly(stacks: [], warnings: [])
        for part in resolved {
            guard let part else { return nil }
            assembly.stacks += part.stacks
            assembly.warnings += part.warnings
        }
        return assembly
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
