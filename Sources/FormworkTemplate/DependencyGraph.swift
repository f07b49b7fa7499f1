import OrderedCollections

/// A directed graph with ordered adjacency lists: resources and what they wait for, stacks and the stacks
/// they import from.
///
/// Visits nodes in their given order, so the cycle it reports is the same on every run.
public struct DependencyGraph<Node: Hashable>: Sendable where Node: Sendable {
    /// Each node's successors, in order.
    public var edges: OrderedDictionary<Node, [Node]>

    /// A graph with the given adjacency lists.
    public init(edges: OrderedDictionary<Node, [Node]>) {
        self.edges = edges
    }

    /// The nodes of one cycle, in order, first node repeated at the end; `nil` when the graph has none.
    public func cycle() -> [Node]? {
        var visiting = Set<Node>()
        var done = Set<Node>()
        var path: [Node] = []

        func visit(_ node: Node) -> [Node]? {
            visiting.insert(node)
            path.append(node)
            for next in edges[node] ?? [] where !done.contains(next) {
                if visiting.contains(next) {
                    let start = path.firstIndex(of: next) ?? 0
                    return Array(path[start...]) + [next]
                }
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            visiting.remove(node)
            done.insert(node)
            return nil
        }

        for node in edges.keys where !done.contains(node) {
            if let cycle = visit(node) { return cycle }
        }
        return nil
    }
}

extension Template {
    /// Each resource and the resources it waits for: those its entry references (`Ref`, `Fn::GetAtt`,
    /// `Fn::Sub`) and those in its `DependsOn`.
    public var resourceDependencies: DependencyGraph<String> {
        var edges = OrderedDictionary<String, [String]>()
        for (logicalId, resource) in resources {
            var targets = resource.json.referencedLogicalIds
            targets.append(contentsOf: resource.dependsOn)
            edges[logicalId] = targets.filter { resources[$0] != nil }
        }
        return DependencyGraph(edges: edges)
    }
}
