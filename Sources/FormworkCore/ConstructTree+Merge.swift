/// Expanding stacks apart: each stack expands into a tree of its own, in parallel, and the trees are merged
/// in stack order into the tree the rest of the synthesis works on.
extension ConstructTree {
    /// A tree for expanding one stack on its own, which notes the constructs it looks for and lacks.
    static func forOneStack() -> ConstructTree {
        let tree = ConstructTree()
        tree.missedIdentities = []
        return tree
    }

    /// Appends the nodes of `part` (a tree from ``forOneStack()`` holding one settled stack) after this
    /// tree's nodes, with everything that points at them.
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
        nodes.reserveCapacity(nodes.count + moved.count - 1)
        nodes[Self.root].children += moved[Self.root].children.map(mapped)
        for index in moved.indices.dropFirst() {
            var node = Node(id: "", parent: nil)
            swap(&node, &moved[index])
            node.parent = node.parent.map(mapped)
            node.stack = node.stack.map(mapped)
            for child in node.children.indices { node.children[child] = mapped(node.children[child]) }
            nodes.append(node)
        }
        childIndex.reserveCapacity(childIndex.count + part.childIndex.count)
        for (key, index) in part.childIndex { childIndex[ChildKey(parent: mapped(key.parent), id: key.id)] = mapped(index) }
        identities.reserveCapacity(identities.count + part.identities.count)
        for (identity, index) in part.identities { identities[identity] = mapped(index) }
        deferredActions += part.deferredActions.map { DeferredAction(stage: $0.stage, node: mapped($0.node), action: $0.action) }
        for (slot, list) in part.contributions {
            if let existing = contributions[slot] { existing.append(contentsOf: list) } else { contributions[slot] = list }
        }
        readContributionSlots.formUnion(part.readContributionSlots)
        for (stack, stackAssets) in part.assets { assets[mapped(stack)] = stackAssets }
        part.absorbedInto = (self, offset)
        return true
    }
}

/// The contributions of one slot, whatever their element type, so that two trees' lists can be joined.
protocol ContributionStorage: AnyObject {
    /// Appends the elements of `other`, a list of the same element type.
    func append(contentsOf other: any ContributionStorage)
}
