/// A construct's place in the tree while it expands: where it adds children and declares template elements.
///
/// ```swift
/// func expand(in scope: ConstructScope) throws(SynthesisError) {
///     try scope.declare(.resource(ResourceDeclaration(type: "AWS::SQS::Queue")), at: "Resource")
/// }
/// ```
public struct ConstructScope {
    let tree: ConstructTree
    let node: Int

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
}
