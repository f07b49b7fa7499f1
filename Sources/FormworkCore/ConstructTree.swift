import FormworkTemplate
import OrderedCollections

/// The construct tree of one synthesis: every node with its id, children in insertion order, and the
/// template element it holds. Internal to the synthesizer; constructs see it through ``ConstructScope``.
final class ConstructTree {
    struct Node {
        let id: String
        var parent: Int?
        var children: [Int] = []
        /// Whether a construct (as opposed to a plain child scope) was added here.
        var holdsConstruct = false
        var element: TemplateElement?
        var logicalIdOverride: String?
        /// The index of the stack node this node belongs to; `nil` for the root.
        var stack: Int?
        /// On a stack's node, the defaults its constructs fill in.
        var defaults: DefaultsProfile?
        /// On a stack's node, the bootstrap its assets go through.
        var bootstrap: BootstrapNames?
        /// On a stack's node, the region the stack names (`nil`: environment-agnostic).
        var region: String?
        /// On a stack's node, the account the stack names (`nil`: environment-agnostic).
        var account: String?
        /// On a stack's node, the ``Tag``s applied to the whole stack, in order: stack tags of the assembly too.
        var stackTagAspects: [TagAspect] = []
        /// Constructs this node needs in the app without referencing them from an element yet (an edge
        /// that declares its resources after expansion).
        var requirements: [any IdentifiedConstruct] = []
        /// On a stack's node, the constructs shared stack-wide, by their id (``ConstructScope/stackSingleton(_:make:)``).
        var singletons: [String: any IdentifiedConstruct] = [:]
    }

    /// Work a construct registered to run once every construct is expanded and included, in this order.
    struct DeferredAction {
        let stage: ConstructScope.Stage
        let node: Int
        let action: (ConstructScope) throws(SynthesisError) -> Void
    }

    /// A node's place under its parent.
    struct ChildKey: Hashable {
        let parent: Int
        let id: String
    }

    /// The contributions made to one slot, typed by the element type of its key, so that reading them
    /// casts the list once rather than each element.
    final class ContributionList<Element>: ContributionStorage {
        var elements: [Element]

        init(_ elements: [Element]) {
            self.elements = elements
        }

        func append(contentsOf other: any ContributionStorage) {
            if let other = other as? ContributionList<Element> { elements += other.elements }
        }
    }

    /// Which contributions a construct received: the receiving construct and the kind of contribution.
    struct ContributionSlot: Hashable {
        let target: ConstructIdentity
        let key: String
    }

    var nodes: [Node] = [Node(id: "", parent: nil)]
    /// The children of parents with many children (stacks, large components), by parent and id: one table
    /// for the tree. A parent with few children is searched directly (``indexedChildCount``).
    var childIndex: [ChildKey: Int] = [:]
    /// The number of children above which a parent's children are found through ``childIndex``: comparing
    /// a few ids costs less than hashing one key.
    static let indexedChildCount = 8
    /// Where each identified construct was added. Looked up, never iterated.
    var identities: [ConstructIdentity: Int] = [:]
    /// Deferred work not run yet (`ConstructTree+Deferred.swift`).
    var deferredActions: [DeferredAction] = []
    /// Aspects applied during the current aspects stage, run together at its end.
    var pendingAspects: [PendingAspect] = []
    /// What edges contributed, by slot; looked up, never iterated.
    var contributions: [ContributionSlot: any ContributionStorage] = [:]
    /// The slots their targets have read; looked up, never iterated.
    var readContributionSlots: Set<ContributionSlot> = []
    /// The first contribution made to a slot its target had already read, which the target never sees.
    var lateContribution: (node: Int, slot: ContributionSlot)?
    /// The assets of each stack (by stack node), in the order they were added, each once.
    var assets: [Int: OrderedDictionary<String, FileAsset>] = [:]

    /// The constructs looked up by identity and not found, when the tree notes them (``forOneStack()``).
    var missedIdentities: Set<ConstructIdentity>?
    /// Whether an element of the tree references a construct of another stack's tree, when stacks settle apart
    /// (``Synthesizer/settle(_:elsewhere:)``): such a stack resolves only in a tree holding both.
    var referencesElsewhere = false
    /// The tree this one was merged into, and by how much its node indices moved
    /// (`ConstructTree+Merge.swift`); scopes taken from this tree follow it there.
    var absorbedInto: (tree: ConstructTree, offset: Int)?

    static let root = 0

    /// The ids from below the root down to `node`.
    func components(of node: Int) -> [String] {
        // Counted first, then filled from the end: one array of the right size, no growing or reversing.
        var depth = 0
        var current: Int? = node
        while let index = current, index != Self.root {
            depth += 1
            current = nodes[index].parent
        }
        return [String](unsafeUninitializedCapacity: depth) { buffer, count in
            var position = depth
            var current: Int? = node
            while let index = current, index != Self.root {
                position -= 1
                (buffer.baseAddress! + position).initialize(to: nodes[index].id)
                current = nodes[index].parent
            }
            count = depth
        }
    }

    /// The path of `node` as CDK writes it: `Stack/Orders/Queue/Resource`.
    func path(of node: Int) -> String {
        components(of: node).joined(separator: "/")
    }

    /// The path of `stackNode` and of every node below it (``path(of:)``), parents before children, made
    /// top-down in one walk, a parent's path and an id each: for reporting every element of a stack by its
    /// path, where walking up from each node cost a fresh array and join per node. Stacks are walked in
    /// parallel, each by its own task.
    func forEachPath(below stackNode: Int, _ body: (_ node: Int, _ path: String) -> Void) {
        var pending = [(node: stackNode, path: path(of: stackNode))]
        while let (node, path) = pending.popLast() {
            body(node, path)
            for child in nodes[node].children.reversed() { pending.append((child, path + "/" + nodes[child].id)) }
        }
    }

    /// The ids from below the node's stack down to `node`: what its logical ID is made of.
    func componentsBelowStack(of node: Int) -> [String] {
        Array(components(of: node).dropFirst())
    }

    /// Whether the construct of `identity` is in the tree; unlike ``node(forIdentity:)``, never noted as a
    /// miss.
    func holds(_ identity: ConstructIdentity) -> Bool {
        identities[identity] != nil
    }

    func node(forIdentity identity: ConstructIdentity) -> Int? {
        let node = identities[identity]
        if node == nil { missedIdentities?.insert(identity) }
        return node
    }

    func child(of parent: Int, named id: String) -> Int? {
        let children = nodes[parent].children
        guard children.count > Self.indexedChildCount else { return children.first { nodes[$0].id == id } }
        return childIndex[ChildKey(parent: parent, id: id)]
    }

    /// Adds a plain child node (no construct) with `id`, or returns the existing one.
    func childScope(of parent: Int, id: String) throws(SynthesisError) -> Int {
        if let existing = child(of: parent, named: id) { return existing }
        try validate(id: id, under: parent)
        return appendNode(id: id, parent: parent, at: nil)
    }

    /// Adds `construct` under `parent` (before the child at `position`, or last) and expands it.
    @discardableResult
    func add(_ construct: any Construct, under parent: Int, before position: Int? = nil) throws(SynthesisError) -> Int {
        let identity: ConstructIdentity?
        switch construct.placement {
        case .inline(let members):
            for member in members { try add(member, under: parent, before: position) }
            return parent
        case .node(let nodeIdentity):
            identity = nodeIdentity
        }
        try validate(id: construct.id, under: parent)
        if let identity, let existing = identities[identity] {
            throw SynthesisError(
                .listedTwice, paths: [path(of: existing), Self.join(path(of: parent), construct.id)],
                "the same construct is listed in two places; list it once and reference it from the other place")
        }
        if let sibling = child(of: parent, named: construct.id) {
            throw SynthesisError(
                .duplicateId, paths: [path(of: sibling)],
                "two constructs have the id '\(construct.id)' in the same scope; give one of them another id")
        }
        let index = appendNode(id: construct.id, parent: parent, at: position)
        nodes[index].holdsConstruct = true
        if let identity { identities[identity] = index }
        try construct.expand(in: ConstructScope(tree: self, node: index))
        return index
    }

    func require(_ construct: any IdentifiedConstruct, at node: Int) {
        nodes[node].requirements.append(construct)
    }

    func declare(_ element: TemplateElement, at node: Int, logicalId: String?) throws(SynthesisError) {
        guard nodes[node].element == nil else {
            throw SynthesisError(.duplicateId, paths: [path(of: node)], "two template elements are declared at the same path")
        }
        nodes[node].element = element
        nodes[node].logicalIdOverride = logicalId
    }

    /// The nearest node at or above `node` that holds a construct.
    func owningConstruct(of node: Int) -> Int {
        var current = node
        while !nodes[current].holdsConstruct, let parent = nodes[current].parent { current = parent }
        return current
    }

    /// `node` and its descendants, depth first, children in insertion order.
    func subtree(_ node: Int) -> [Int] {
        var order: [Int] = []
        var stack = [node]
        while let current = stack.popLast() {
            order.append(current)
            stack.append(contentsOf: nodes[current].children.reversed())
        }
        return order
    }

    private func appendNode(id: String, parent: Int, at position: Int?) -> Int {
        let index = nodes.count
        let stack = parent == Self.root ? index : nodes[parent].stack
        nodes.append(Node(id: id, parent: parent, stack: stack))
        if let position, let offset = nodes[parent].children.firstIndex(of: position) {
            nodes[parent].children.insert(index, at: offset)
        } else {
            nodes[parent].children.append(index)
        }
        indexChildren([index], justAddedTo: parent)
        return index
    }

    /// Keeps ``childIndex`` up to date after `added` became children of `parent` (their nodes exist): a
    /// parent past ``indexedChildCount`` children has them all in the index, so crossing it enters the
    /// earlier children too.
    func indexChildren(_ added: [Int], justAddedTo parent: Int) {
        let count = nodes[parent].children.count
        guard count > Self.indexedChildCount else { return }
        let entered = count - added.count > Self.indexedChildCount ? added : nodes[parent].children
        for child in entered { childIndex[ChildKey(parent: parent, id: nodes[child].id)] = child }
    }

    private static func join(_ parent: String, _ id: String) -> String {
        parent.isEmpty ? id : "\(parent)/\(id)"
    }

    private func validate(id: String, under parent: Int) throws(SynthesisError) {
        guard !id.isEmpty else {
            let parentPath = path(of: parent)
            throw SynthesisError(.invalidId, paths: [parentPath.isEmpty ? "<app>" : parentPath], "a construct has an empty id; give it a name")
        }
        // Read in place: a generic search of the UTF-8 view costs about 15 instructions a byte.
        var bytes = id
        guard !bytes.withUTF8({ $0.contains(UInt8(ascii: "/")) }) else {
            throw SynthesisError(.invalidId, paths: [Self.join(path(of: parent), id)], "a construct id must not contain '/'; it separates path segments")
        }
    }
}
