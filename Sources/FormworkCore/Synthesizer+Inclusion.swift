import OrderedCollections

/// Including constructs that are referenced but listed nowhere, as a `let` in a body declares them.
extension Synthesizer {
    /// How far the references of the tree's nodes have been looked at. An element is declared once and
    /// requirements are only appended, and what they referenced was included when they were looked at, so
    /// each element and requirement needs looking at once.
    struct ScannedReferences {
        /// Per node: whether its element has been looked at.
        var elements: [Bool] = []
        /// Per node: how many of its requirements have been looked at.
        var requirements: [Int] = []

        /// Calls `body` with each construct `node` references or requires that has not been looked at yet,
        /// and marks them as looked at.
        mutating func forEachUnscanned(of node: Int, in tree: ConstructTree, _ body: (ConstructIdentity, any IdentifiedConstruct) -> Void) {
            if elements.count < tree.nodes.count {
                elements += repeatElement(false, count: tree.nodes.count - elements.count)
                requirements += repeatElement(0, count: tree.nodes.count - requirements.count)
            }
            if !elements[node], let element = tree.nodes[node].element {
                element.forEachReferencedConstruct(body)
                elements[node] = true
            }
            let nodeRequirements = tree.nodes[node].requirements
            for construct in nodeRequirements[requirements[node]...] { body(construct.identity, construct) }
            requirements[node] = nodeRequirements.count
        }
    }

    /// Adds each construct that is referenced but listed nowhere to the scope of the construct that
    /// references it, just before that construct — where a `let` declared it. Repeats until every
    /// reference has its node, since an included construct may reference others. A construct in
    /// `elsewhere` (another stack's tree, when stacks are settled apart) is not missing.
    static func includeReferencedConstructs(
        in tree: ConstructTree, skipping scanned: inout ScannedReferences,
        elsewhere: Set<ConstructIdentity> = []
    ) throws(SynthesisError) {
        while true {
            var missing = OrderedDictionary<ConstructIdentity, (construct: any IdentifiedConstruct, referencedBy: [Int])>()
            for node in tree.nodes.indices {
                scanned.forEachUnscanned(of: node, in: tree) { identity, construct in
                    guard !tree.holds(identity) else { return }
                    guard !elsewhere.contains(identity) else {
                        tree.referencesElsewhere = true
                        return
                    }
                    missing[identity, default: (construct, [])].referencedBy.append(tree.owningConstruct(of: node))
                }
            }
            guard !missing.isEmpty else { return }
            for (_, entry) in missing where !tree.holds(entry.construct.identity) {
                let scopes = OrderedSet(entry.referencedBy.map { tree.nodes[$0].parent ?? ConstructTree.root })
                guard scopes.count == 1, let scope = scopes.first else {
                    let paths = OrderedSet(entry.referencedBy.map(tree.path(of:)))
                    throw SynthesisError(
                        .unlistedSharedConstruct, paths: Array(paths),
                        "'\(entry.construct.id)' is referenced from \(scopes.count) scopes (\(scopes.map(tree.path(of:)).joined(separator: ", "))) but listed in none; list it in the body of the scope that should own it"
                    )
                }
                let siblings = tree.nodes[scope].children
                let first = entry.referencedBy.min { siblings.firstIndex(of: $0) ?? .max < siblings.firstIndex(of: $1) ?? .max }
                try tree.add(entry.construct, under: scope, before: first)
            }
        }
    }
}
