import FormworkTemplate
import OrderedCollections

/// Finds a cycle in a directed graph given as ordered adjacency lists, visiting nodes in their given order
/// so the cycle reported is the same on every run.
enum CycleFinder {
    private enum Mark { case visiting, done }

    /// The nodes of one cycle, in order, starting and ending with the same node; `nil` when there is none.
    static func cycle<Node: Hashable>(in graph: OrderedDictionary<Node, [Node]>) -> [Node]? {
        var marks: [Node: Mark] = [:]
        var path: [Node] = []

        func visit(_ node: Node) -> [Node]? {
            marks[node] = .visiting
            path.append(node)
            for next in graph[node] ?? [] {
                switch marks[next] {
                case .visiting?:
                    let start = path.firstIndex(of: next) ?? 0
                    return Array(path[start...]) + [next]
                case .done?:
                    continue
                case nil:
                    if let cycle = visit(next) { return cycle }
                }
            }
            path.removeLast()
            marks[node] = .done
            return nil
        }

        for node in graph.keys where marks[node] == nil {
            if let cycle = visit(node) { return cycle }
        }
        return nil
    }
}

/// Rejects a template whose resources wait for each other in a circle, through references or `DependsOn`:
/// CloudFormation would refuse it with "Circular dependency between resources".
enum ResourceCycles {
    static func check(_ template: Template, pathOf: [String: String]) throws(SynthesisError) {
        var graph = OrderedDictionary<String, [String]>()
        for (logicalId, resource) in template.resources {
            let targets = resource.json.referencedLogicalIds.elements
            graph[logicalId] = targets.filter { template.resources[$0] != nil }
        }
        guard let cycle = CycleFinder.cycle(in: graph) else { return }
        let paths = cycle.map { pathOf[$0] ?? $0 }
        throw SynthesisError(.resourceCycle, paths: Array(paths.dropLast()),
                             "these resources depend on each other in a cycle (\(paths.joined(separator: " → "))); remove one of the references or dependencies")
    }
}

/// Rejects stacks that import from each other in a circle: neither could be deployed first.
enum StackCycles {
    static func check(names: [String], dependencies: [Int: OrderedDictionary<Int, String>]) throws(SynthesisError) {
        var graph = OrderedDictionary<Int, [Int]>()
        for index in names.indices { graph[index] = (dependencies[index] ?? [:]).keys.elements }
        guard let cycle = CycleFinder.cycle(in: graph) else { return }
        let causes = zip(cycle, cycle.dropFirst()).map { consumer, producer in
            "\(dependencies[consumer]?[producer] ?? names[consumer]) uses \(names[producer])"
        }
        throw SynthesisError(.stackCycle, paths: cycle.dropLast().map { names[$0] },
                             "the stacks reference each other in a cycle (\(causes.joined(separator: "; "))); move the shared constructs into one stack that both use")
    }
}
