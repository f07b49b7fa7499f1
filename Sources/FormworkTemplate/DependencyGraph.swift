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
        // Depth first without recursion, so that a chain of any length fits: each entry of `stack` is a
        // node on the current path and how many of its successors have been looked at.
        var marks = Array(repeating: SearchMark.unvisited, count: successors.count)
        var stack: [(node: Int, next: Int)] = []
        var positionOnPath = Array(repeating: -1, count: successors.count)
        for start in successors.indices where marks[start] == .unvisited {
            marks[start] = .visiting
            positionOnPath[start] = 0
            stack.append((start, 0))
            while let top = stack.last {
                guard top.next < successors[top.node].count else {
                    marks[top.node] = .done
                    positionOnPath[top.node] = -1
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let successor = successors[top.node][top.next]
                switch marks[successor] {
                case .visiting:
                    return stack[positionOnPath[successor]...].map(\.node) + [successor]
                case .unvisited:
                    marks[successor] = .visiting
                    positionOnPath[successor] = stack.count
                    stack.append((successor, 0))
                case .done:
                    continue
                }
            }
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
            edges[logicalId] = resource.orderingDependencies.filter { resources[$0] != nil }.elements
        }
        return DependencyGraph(edges: edges)
    }
}

extension Template.Resource {
    /// The logical IDs CloudFormation creates before this resource: those the entry references (`Ref`,
    /// `Fn::GetAtt`, `Fn::Sub`; parameters included) and those in its `DependsOn`, in that order.
    ///
    /// This is what `DependsOn` means to CloudFormation: an edge a reference already implies changes
    /// nothing, so two entries that differ only in such edges are ordered the same way.
    public var orderingDependencies: OrderedSet<String> {
        var targets = referencedLogicalIds
        targets.append(contentsOf: dependsOn)
        return targets
    }
}
