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
        // Work on indices: hashing each node once, not at every step of the search.
        let successors = edges.values.map { targets in targets.compactMap { edges.index(forKey: $0) } }
        return DependencyGraph<Int>.cycle(successors: successors)?.map { edges.keys[$0] }
    }
}

extension DependencyGraph where Node == Int {
    /// A cycle in the graph whose nodes are the positions of `successors`, each listing the positions it
    /// points to; the first node repeated at the end. `nil` when there is none.
    public static func cycle(successors: [[Int]]) -> [Int]? {
        var marks = Array(repeating: SearchMark.unvisited, count: successors.count)
        var path: [Int] = []

        func visit(_ node: Int) -> [Int]? {
            marks[node] = .visiting
            path.append(node)
            for next in successors[node] {
                switch marks[next] {
                case .visiting: return Array(path[(path.lastIndex(of: next) ?? 0)...]) + [next]
                case .unvisited: if let cycle = visit(next) { return cycle }
                case .done: continue
                }
            }
            path.removeLast()
            marks[node] = .done
            return nil
        }

        for node in successors.indices where marks[node] == .unvisited {
            if let cycle = visit(node) { return cycle }
        }
        return nil
    }
}

/// The state of a node during the depth-first search for a cycle.
private enum SearchMark { case unvisited, visiting, done }

extension Template {
    /// Each resource and the resources it waits for: those its entry references (`Ref`, `Fn::GetAtt`,
    /// `Fn::Sub`) and those in its `DependsOn`.
    public var resourceDependencies: DependencyGraph<String> {
        var edges = OrderedDictionary<String, [String]>()
        for (logicalId, resource) in resources {
            var targets = resource.referencedLogicalIds
            targets.append(contentsOf: resource.dependsOn)
            edges[logicalId] = targets.filter { resources[$0] != nil }
        }
        return DependencyGraph(edges: edges)
    }
}
