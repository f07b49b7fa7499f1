import FormworkTemplate
import OrderedCollections

/// Rejects stacks that import from each other in a circle: neither could be deployed first.
enum StackCycles {
    static func check(names: [String], dependencies: [Int: OrderedDictionary<Int, String>]) throws(SynthesisError) {
        var graph = OrderedDictionary<Int, [Int]>()
        for index in names.indices { graph[index] = (dependencies[index] ?? [:]).keys.elements }
        guard let cycle = DependencyGraph(edges: graph).cycle() else { return }
        let causes = zip(cycle, cycle.dropFirst()).map { consumer, producer in
            "\(dependencies[consumer]?[producer] ?? names[consumer]) uses \(names[producer])"
        }
        throw SynthesisError(
            .stackCycle, paths: cycle.dropLast().map { names[$0] },
            "the stacks reference each other in a cycle (\(causes.joined(separator: "; "))); move the shared constructs into one stack that both use")
    }
}
