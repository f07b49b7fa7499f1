/// A construct's place in the tree while it expands: where it adds children and declares template elements.
///
/// ```swift
/// func expand(in scope: ConstructScope) throws(SynthesisError) {
///     try scope.declare(.resource(ResourceDeclaration(type: "AWS::SQS::Queue")), at: "Resource")
/// }
/// ```
public struct ConstructScope {
    private let originTree: ConstructTree
    private let originNode: Int

    init(tree: ConstructTree, node: Int) {
        originTree = tree
        originNode = node
    }

    /// The tree the scope is in: the tree it was taken from, or the one that tree was merged into, for a
    /// scope a construct kept from its expansion.
    var tree: ConstructTree { originTree.absorbedInto?.tree ?? originTree }

    /// The scope's node in ``tree``.
    var node: Int {
        guard let (_, offset) = originTree.absorbedInto, originNode != ConstructTree.root else { return originNode }
        return originNode + offset
    }

    /// The scope's construct path, e.g. `Orders/Queue`.
    public var path: String { tree.path(of: node) }

    /// Adds `construct` as a child of this scope and expands it.
    public func add(_ construct: any Construct) throws(SynthesisError) {
        try tree.add(construct, under: node)
    }

    /// The plain child scope `id` (created on first use): a path segment without a construct of its own,
    /// such as CDK's `ServiceRole` or `DefaultPolicy`.
    public func child(_ id: String) throws(SynthesisError) -> ConstructScope {
        ConstructScope(tree: tree, node: try tree.childScope(of: node, id: id))
    }

    /// Declares `element` at this scope's own node, with an explicit logical ID or CDK's.
    public func declare(_ element: TemplateElement, logicalId: String? = nil) throws(SynthesisError) {
        try tree.declare(element, at: node, logicalId: logicalId)
    }

    /// Declares `element` at the child `id` of this scope (CDK's `Resource` child of an L2).
    public func declare(_ element: TemplateElement, at id: String, logicalId: String? = nil) throws(SynthesisError) {
        try child(id).declare(element, logicalId: logicalId)
    }

    /// The scope of `construct`'s node, once it is in the tree: where an edge declares the resources it
    /// adds to a construct (an event source mapping under its function).
    public func scope(of construct: some IdentifiedConstruct) throws(SynthesisError) -> ConstructScope {
        guard let node = tree.node(forIdentity: construct.identity) else {
            throw SynthesisError(.danglingReference, paths: [path], "needs '\(construct.id)', which is not in the app")
        }
        return ConstructScope(tree: tree, node: node)
    }

    /// The scope of the stack this scope is in: where stack-wide elements go (a condition CDK adds once).
    public var stack: ConstructScope {
        ConstructScope(tree: tree, node: tree.nodes[node].stack ?? node)
    }

    /// Appends `override` to the resource declared at this scope, to apply after everything else.
    ///
    /// - Throws: ``SynthesisError`` when no resource is declared here.
    public func appendOverride(_ override: ResourceOverride) throws(SynthesisError) {
        guard case .resource(var declaration)? = tree.nodes[node].element else {
            throw SynthesisError(
                .invalidOverride, paths: [path],
                "no resource is declared here to override; name the path of a resource the construct declares (usually 'Resource')")
        }
        declaration.overrides.append(override)
        tree.nodes[node].element = .resource(declaration)
    }

    /// The bootstrap this scope's stack deploys through (its assets bucket and roles).
    public var bootstrap: BootstrapNames {
        tree.nodes[tree.nodes[node].stack ?? node].bootstrap ?? .default
    }

    /// The defaults the constructs of this scope's stack fill in for options not given.
    public var defaults: DefaultsProfile {
        tree.nodes[tree.nodes[node].stack ?? node].defaults ?? .formwork
    }

    /// The construct with `id` at the root of this scope's stack, shared by everything in the stack: made by
    /// `make` and added the first time it is asked for, the same value after (CDK's stack-wide singletons, such
    /// as the role a schedule's target is reached with).
    ///
    /// - Throws: ``SynthesisError`` when another kind of construct already has `id` there.
    public func stackSingleton<C: IdentifiedConstruct>(_ id: String, make: () -> C) throws(SynthesisError) -> C {
        let stackNode = tree.nodes[node].stack ?? node
        if let existing = tree.nodes[stackNode].singletons[id] {
            guard let shared = existing as? C else {
                throw SynthesisError(.duplicateId, paths: ["\(stack.path)/\(id)"], "'\(id)' is already a construct of another kind in this stack")
            }
            return shared
        }
        let made = make()
        try stack.add(made)
        tree.nodes[stackNode].singletons[id] = made
        return made
    }

    /// The region this scope's stack names; `nil` for an environment-agnostic stack.
    public var stackRegion: String? {
        tree.nodes[tree.nodes[node].stack ?? node].region
    }

    /// The account this scope's stack names; `nil` for an environment-agnostic stack.
    public var stackAccount: String? {
        tree.nodes[tree.nodes[node].stack ?? node].account
    }

    /// The scope of the element `reference` points at (the target construct's node, followed down its
    /// `element` path), once it is in the tree; `nil` otherwise.
    public func scope(of reference: Reference) -> ConstructScope? {
        guard var found = tree.node(forIdentity: reference.target) else { return nil }
        for id in reference.element {
            guard let child = tree.child(of: found, named: id) else { return nil }
            found = child
        }
        return ConstructScope(tree: tree, node: found)
    }

    /// The child scope `id`, when it exists; unlike ``child(_:)``, never creates it.
    public func existingChild(_ id: String) -> ConstructScope? {
        tree.child(of: node, named: id).map { ConstructScope(tree: tree, node: $0) }
    }

    /// This scope's id: its last path segment.
    public var idInParent: String { tree.nodes[node].id }

    /// Whether a template element is declared at this scope already.
    public var hasElement: Bool { tree.nodes[node].element != nil }

    /// The logical ID CDK derives for an element at this scope from its path below the stack.
    public var logicalIdFromPath: String {
        LogicalId.make(tree.componentsBelowStack(of: node)) ?? ""
    }

    /// CDK's `Names.nodeUniqueId` of this scope: the logical-ID algorithm over its full path, stack included.
    /// CDK builds ids of generated children from it (`SqsEventSource:<uniqueId>`).
    public var uniqueId: String {
        LogicalId.make(tree.components(of: node)) ?? ""
    }

    /// Records that this construct needs `construct` in the app, so that it is included when it is listed
    /// nowhere, as a referenced construct is.
    public func require(_ construct: some IdentifiedConstruct) {
        tree.require(construct, at: node)
    }

    /// When deferred work runs: after every construct is expanded and every needed construct included.
    public enum Stage: Int, Sendable, CaseIterable {
        /// Edges: grants, subscriptions, event sources add their statements and resources.
        case edges
        /// Constructs that gather what edges contributed declare it (a role's default policy).
        case finalize
        /// Aspects visit what the constructs declared (``Aspect``, ``Tag``).
        case aspects
        /// Escape hatches change what the constructs declared (``Override``).
        case overrides
    }

    /// Runs `action` after expansion, at `stage`, with this scope.
    public func afterExpansion(_ stage: Stage, _ action: @escaping (ConstructScope) throws(SynthesisError) -> Void) {
        tree.schedule(ConstructTree.DeferredAction(stage: stage, node: node, action: action))
    }

    /// Adds `element` to what `target` receives under `key` (policy statements for a role, ...), for the
    /// target to read at the ``Stage/finalize`` stage. A contribution after the target read its
    /// contributions fails the synthesis with ``SynthesisError/Code-swift.enum/lateContribution``.
    public func contribute<Element>(_ element: Element, to target: some IdentifiedConstruct, as key: ContributionKey<Element>) {
        tree.contribute(element, to: target.identity, key: key.name, from: node)
    }

    /// What edges contributed to `target` under `key`, in the order they contributed.
    public func contributions<Element>(to target: some IdentifiedConstruct, as key: ContributionKey<Element>) -> [Element] {
        tree.contributions(to: target.identity, key: key.name, as: Element.self)
    }
}

/// The name and element type of one kind of contribution an edge makes to a construct.
public struct ContributionKey<Element>: Sendable {
    let name: String

    /// A key named `name`; names must be unique per element type.
    public init(_ name: String) {
        self.name = name
    }
}
