/// Settling stacks apart (`Synthesizer+Parallel.swift`): each stack expands and settles in a tree of its
/// own, and the trees are merged in stack order into the tree the resolve phase works on.
extension ConstructTree {
    /// A tree for expanding one stack on its own, which notes the constructs it looks for and lacks.
    static func forOneStack() -> ConstructTree {
        let tree = ConstructTree()
        tree.missedIdentities = []
        return tree
    }

    /// Whether a node requires a construct that is in `everywhere` but not in this tree: an edge to another
    /// stack's construct, which only settles in a tree holding both stacks.
    func requiresConstructs(of everywhere: Set<ConstructIdentity>) -> Bool {
        // By index: a closure over the nodes would copy each node out of the array, every field of it.
        nodes.indices.contains { index in
            nodes[index].requirements.contains { !holds($0.identity) && everywhere.contains($0.identity) }
        }
    }

    /// Makes room for the nodes of `parts` at once, rather than growing (and rehashing) part by part.
    func reserveCapacity(toAbsorb parts: [ConstructTree]) {
        nodes.reserveCapacity(parts.reduce(nodes.count) { $0 + $1.nodes.count })
        childIndex.reserveCapacity(parts.reduce(childIndex.count) { $0 + $1.childIndex.count })
        identities.reserveCapacity(parts.reduce(identities.count) { $0 + $1.identities.count })
    }

    /// Appends the nodes of `part` (a tree from ``forOneStack()`` holding one expanded or settled stack)
    /// after this tree's nodes, with everything that points at them: deferred work not run yet, and the
    /// contributions made so far (a settled part has spent its contributions and has no work left).
    ///
    /// Returns `false`, leaving this tree as it was, when settling the stack here would have gone
    /// differently: the stack holds a construct this tree holds (listed in two stacks, or included by two),
    /// or its expansion looked for a construct this tree holds. The caller then settles the app serially.
    func absorb(_ part: ConstructTree) -> Bool {
        guard !part.identities.keys.contains(where: { identities[$0] != nil }),
            !(part.missedIdentities ?? []).contains(where: { identities[$0] != nil })
        else { return false }
        let offset = nodes.count - 1
        func mapped(_ index: Int) -> Int { index == Self.root ? Self.root : index + offset }
        // The part's nodes are moved out (swapped with an empty node), not copied: a copy would retain every
        // value a node holds, and releasing the part would release them all again.
        var moved = part.nodes
        part.nodes = []
        let stackNodes = moved[Self.root].children.map(mapped)
        nodes[Self.root].children += stackNodes
        for index in moved.indices.dropFirst() {
            var node = Node(id: "", parent: nil)
            swap(&node, &moved[index])
            node.parent = node.parent.map(mapped)
            node.stack = node.stack.map(mapped)
            for child in node.children.indices { node.children[child] = mapped(node.children[child]) }
            nodes.append(consume node)
        }
        indexChildren(stackNodes, justAddedTo: Self.root)
        for (key, index) in part.childIndex { childIndex[ChildKey(parent: mapped(key.parent), id: key.id)] = mapped(index) }
        for (identity, index) in part.identities { identities[identity] = mapped(index) }
        for (stack, stackAssets) in part.assets { assets[mapped(stack)] = stackAssets }
        deferredActions += part.deferredActions.map { DeferredAction(stage: $0.stage, node: mapped($0.node), action: $0.action) }
        for (slot, list) in part.contributions {
            if let existing = contributions[slot] { existing.append(contentsOf: list) } else { contributions[slot] = list }
        }
        readContributionSlots.formUnion(part.readContributionSlots)
        part.absorbedInto = (self, offset)
        return true
    }
}

/// The contributions of one slot, whatever their element type, so that two trees' lists can be joined.
protocol ContributionStorage: AnyObject {
    /// Appends the elements of `other`, a list of the same element type.
    func append(contentsOf other: any ContributionStorage)
}
