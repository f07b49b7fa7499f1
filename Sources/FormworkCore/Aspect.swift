/// A visitor over the resources below a scope, run once every construct has declared its resources and
/// edges have contributed, before references are resolved: what CDK calls an Aspect. Teams use one to
/// enforce conventions in code — a tag, a setting every bucket must have, an error for what is not allowed.
///
/// ```swift
/// struct RequireVersionedBuckets: Aspect {
///     func visit(_ resource: inout ResourceDeclaration, at path: String) throws(SynthesisError) {
///         guard resource.type == "AWS::S3::Bucket", resource.properties["VersioningConfiguration"] == nil else { return }
///         throw SynthesisError(.invalidSetting, paths: [path], "buckets must be versioned; pass versioned: true")
///     }
/// }
///
/// Stack("Orders") {
///     ApplyAspect(RequireVersionedBuckets())
///     OrdersService()
/// }
/// ```
///
/// Aspects run in CDK's order: those applied to an outer scope before those of an inner one, and those of
/// one scope in the order they are listed; each visits the resources of its scope in tree order. Overrides
/// (``Override``) apply after every aspect.
public protocol Aspect: Sendable {
    /// Called once for each resource below the scope the aspect is applied to; may change the declaration,
    /// or throw to stop the synthesis with an error naming `path`.
    func visit(_ resource: inout ResourceDeclaration, at path: String) throws(SynthesisError)
}

/// Applies an ``Aspect`` to every resource below the scope it is listed in, or below `target`.
public struct ApplyAspect: Construct {
    public let id: String
    /// The visitor.
    public let aspect: any Aspect
    /// The construct whose resources the aspect visits; the enclosing scope when `nil`.
    public let target: (any IdentifiedConstruct)?

    /// Applies `aspect` below `target`, or below the scope this is listed in.
    public init(_ aspect: some Aspect, to target: (any IdentifiedConstruct)? = nil, id: String? = nil) {
        self.aspect = aspect
        self.target = target
        self.id = id ?? "Aspect(\(String(describing: type(of: aspect)))\(target.map { "." + $0.id } ?? ""))"
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        scope.schedule(aspect, on: target)
    }
}

extension ConstructScope {
    /// Schedules `aspect` to visit the resources below `target`, or below the parent of this scope (the scope
    /// the applying construct is listed in). Constructs that apply an aspect call it from `expand(in:)`.
    public func schedule(_ aspect: any Aspect, on target: (any IdentifiedConstruct)?) {
        if let target { require(target) }
        afterExpansion(.aspects) { scope throws(SynthesisError) in
            // The parent is read now, not when scheduled: the stacks' trees are merged in between, which moves
            // their nodes.
            let parent = scope.tree.nodes[scope.node].parent ?? scope.node
            let visited = try target.map { t throws(SynthesisError) in try scope.scope(of: t).node } ?? parent
            scope.tree.pendingAspects.append(ConstructTree.PendingAspect(aspect: aspect, scope: visited, appliedAt: scope.node))
        }
    }
}

extension ConstructTree {
    /// An aspect waiting for the end of the aspects stage.
    struct PendingAspect {
        let aspect: any Aspect
        /// The node whose resources it visits.
        let scope: Int
        /// The node of the ``ApplyAspect`` that applied it, for the order within one scope.
        let appliedAt: Int
    }

    /// Runs the pending aspects in CDK's order: outer scopes first, then in the order they were listed.
    func runPendingAspects() throws(SynthesisError) {
        guard !pendingAspects.isEmpty else { return }
        let ordered = pendingAspects.sorted { a, b in
            let depths = (depth(of: a.scope), depth(of: b.scope))
            return depths.0 != depths.1 ? depths.0 < depths.1 : a.appliedAt < b.appliedAt
        }
        pendingAspects = []
        for pending in ordered {
            if let tag = pending.aspect as? TagAspect, nodes[pending.scope].parent == Self.root {
                // A tag on a whole stack is a stack tag too, as in CDK: CloudFormation applies it at deploy.
                nodes[pending.scope].stackTagAspects.append(tag)
            }
            for node in subtree(pending.scope) {
                guard case .resource(var declaration)? = nodes[node].element else { continue }
                nodes[node].element = nil  // keeps the declaration uniquely referenced while it changes
                do {
                    try pending.aspect.visit(&declaration, at: path(of: node))
                } catch {
                    nodes[node].element = .resource(declaration)
                    throw error
                }
                nodes[node].element = .resource(declaration)
            }
        }
    }

    /// The number of path segments above `node`.
    func depth(of node: Int) -> Int {
        var depth = 0
        var current = nodes[node].parent
        while let parent = current {
            depth += 1
            current = nodes[parent].parent
        }
        return depth
    }
}
