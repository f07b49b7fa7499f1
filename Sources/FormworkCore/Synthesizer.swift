import FormworkSchema
import FormworkTemplate
import OrderedCollections

/// Runs the synthesis phases over an app's stacks: collect and expand the construct tree, include
/// constructs that are referenced but not listed, then resolve every stack into a template.
struct Synthesizer {
    let stacks: [Stack]
    let validator: TemplateValidator?

    func run() throws(SynthesisError) -> CloudAssembly {
        for stack in stacks { try Self.validate(stack, among: stacks) }
        let tree: ConstructTree
        if let expanded = Self.expandInParallel(stacks) { tree = expanded } else { tree = try Self.expand(stacks) }
        let stackNodes = stacks.map { tree.child(of: ConstructTree.root, named: $0.name)! }
        // Deferred work (edges, then finalizers) may reference or add constructs: include until stable.
        var scanned = ScannedReferences()
        repeat {
            try includeReferencedConstructs(in: tree, skipping: &scanned)
        } while try tree.runDeferredActions()
        try tree.checkNoLateContribution()
        let resolver = StackResolver(tree: tree, stacks: stacks, stackNodes: stackNodes)
        return try resolver.resolve(validatingWith: validator)
    }

    /// The tree of `stacks`, each stack expanded in turn.
    private static func expand(_ stacks: [Stack], into tree: ConstructTree = ConstructTree()) throws(SynthesisError) -> ConstructTree {
        for stack in stacks {
            let node = try tree.childScope(of: ConstructTree.root, id: stack.name)
            for construct in stack.body { try tree.add(construct, under: node) }
        }
        return tree
    }

    /// The tree of `stacks`, each stack expanded on its own core and the trees merged in stack order; `nil`
    /// when that would not give what expanding them in turn gives (a stack fails, or one stack's expansion
    /// looked at another's constructs), so that the caller expands in turn and reports the same errors.
    private static func expandInParallel(_ stacks: [Stack]) -> ConstructTree? {
        guard stacks.count > 1 else { return nil }
        let parts = ConcurrentMap.map(stacks) { stack in
            ExpandedStack(tree: try? expand([stack], into: .forOneStack()))
        }
        let tree = ConstructTree()
        for part in parts {
            guard let expanded = part.tree, tree.absorb(expanded) else { return nil }
        }
        return tree
    }

    /// A stack's tree, handed from the task that expanded it to the one that merges it; never shared.
    private struct ExpandedStack: @unchecked Sendable {
        let tree: ConstructTree?
    }

    /// How far the references of the tree's nodes have been looked at. An element is declared once and
    /// requirements are only appended, and what they referenced was included when they were looked at, so
    /// each element and requirement needs looking at once.
    private struct ScannedReferences {
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
    /// reference has its node, since an included construct may reference others.
    private func includeReferencedConstructs(in tree: ConstructTree, skipping scanned: inout ScannedReferences) throws(SynthesisError) {
        while true {
            var missing = OrderedDictionary<ConstructIdentity, (construct: any IdentifiedConstruct, referencedBy: [Int])>()
            for node in tree.nodes.indices {
                scanned.forEachUnscanned(of: node, in: tree) { identity, construct in
                    guard tree.node(forIdentity: identity) == nil else { return }
                    missing[identity, default: (construct, [])].referencedBy.append(tree.owningConstruct(of: node))
                }
            }
            guard !missing.isEmpty else { return }
            for (_, entry) in missing where tree.node(forIdentity: entry.construct.identity) == nil {
                let scopes = OrderedSet(entry.referencedBy.map { tree.nodes[$0].parent ?? ConstructTree.root })
                guard scopes.count == 1, let scope = scopes.first else {
                    let paths = OrderedSet(entry.referencedBy.map(tree.path(of:)))
                    throw SynthesisError(.unlistedSharedConstruct, paths: Array(paths),
                        "'\(entry.construct.id)' is referenced from \(scopes.count) scopes (\(scopes.map(tree.path(of:)).joined(separator: ", "))) but listed in none; list it in the body of the scope that should own it")
                }
                let siblings = tree.nodes[scope].children
                let first = entry.referencedBy.min { siblings.firstIndex(of: $0) ?? .max < siblings.firstIndex(of: $1) ?? .max }
                try tree.add(entry.construct, under: scope, before: first)
            }
        }
    }

    private static func validate(_ stack: Stack, among stacks: [Stack]) throws(SynthesisError) {
        let name = stack.name
        let valid = name.count <= 128 && name.first.map { $0.isASCII && $0.isLetter } == true
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        guard valid else {
            throw SynthesisError(.invalidStack, paths: [name.isEmpty ? "<app>" : name],
                                 "a stack name must start with a letter and hold only letters, digits and '-' (at most 128 characters)")
        }
        guard stacks.filter({ $0.name == name }).count == 1 else {
            throw SynthesisError(.invalidStack, paths: [name], "two stacks are named '\(name)'; stack names must be unique in an app")
        }
    }
}
