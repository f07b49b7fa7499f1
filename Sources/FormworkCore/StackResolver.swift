import FormworkSchema
import FormworkTemplate
import OrderedCollections

/// The resolve phase: logical IDs, references, cross-stack exports and imports, `DependsOn`, and the
/// checks that need them (duplicate logical IDs, cycles between resources and between stacks).
///
/// Stacks are independent once every logical ID is known, so their logical IDs, templates and validation
/// each run in parallel, one stack per task; results are merged in stack order, so the output and the
/// first error reported are the same on every run.
struct StackResolver {
    let tree: ConstructTree
    let stacks: [Stack]
    let stackNodes: [Int]

    init(tree: ConstructTree, stacks: [Stack], stackNodes: [Int]) {
        self.tree = tree
        self.stacks = stacks
        self.stackNodes = stackNodes
    }

    func resolve(validatingWith validator: TemplateValidator?) throws(SynthesisError) -> CloudAssembly {
        let shared = SharedTree(tree: tree)
        let named = ConcurrentMap.map(stackNodes) { stackNode in
            Result { () throws(SynthesisError) in
                let elements = shared.tree.subtree(stackNode).filter { shared.tree.nodes[$0].element != nil }
                return (elements: elements, logicalIds: try Self.logicalIds(of: elements, in: shared.tree))
            }
        }
        var elementNodes: [[Int]] = []
        var logicalIds = [String?](repeating: nil, count: tree.nodes.count)
        for result in named {
            let stack = try result.get()
            elementNodes.append(stack.elements)
            for (node, logicalId) in stack.logicalIds { logicalIds[node] = logicalId }
        }
        try appendDigests(to: &logicalIds, elementNodes: elementNodes)
        let stacks = stacks, stackNodes = stackNodes, resolvedIds = logicalIds
        let identityNodes = identityNodesByStack()
        let builds = ConcurrentMap.map(
            Array(elementNodes.enumerated()),
            { entry in
                Result { () throws(SynthesisError) in
                    var builder = StackTemplateBuilder(tree: shared.tree, stacks: stacks, stackNodes: stackNodes, logicalIds: resolvedIds, stack: entry.offset)
                    let template = try builder.build(elements: entry.element)
                    let paths = Self.paths(
                        below: stackNodes[entry.offset], in: shared.tree, logicalIds: resolvedIds, identities: identityNodes[stackNodes[entry.offset]] ?? [:],
                        elementCount: entry.element.count)
                    return (template, builder.exports, builder.stackDependencies, paths)
                }
            })
        // Every template is built: the declarations are not read again, and freeing them stack by stack in
        // parallel spares the end of the synthesis most of its clean-up.
        tree.releaseElements(groupedAs: elementNodes)
        var templates: [Template] = []
        var exports: [Int: OrderedDictionary<String, Template.Output>] = [:]
        var stackDependencies: [Int: OrderedDictionary<Int, String>] = [:]
        var paths: [[String: String]] = []
        var nodes: [[ConstructIdentity: String]] = []
        for (index, result) in builds.enumerated() {
            let (template, imported, dependencies, stackPaths) = try result.get()
            templates.append(template)
            paths.append(stackPaths.byLogicalId)
            nodes.append(stackPaths.byIdentity)
            for export in imported where exports[export.producer]?[export.logicalId] == nil {
                exports[export.producer, default: [:]][export.logicalId] = export.output
            }
            if !dependencies.isEmpty { stackDependencies[index] = dependencies }
        }
        for (index, var template) in templates.enumerated() {
            for (logicalId, output) in exports[index] ?? [:] {
                guard template.outputs[logicalId] == nil, template.resources[logicalId] == nil else {
                    throw SynthesisError(
                        .duplicateLogicalId, paths: ["\(stacks[index].name)/Exports"],
                        "the export '\(logicalId)' collides with an element of the same logical ID; rename the construct 'Exports'")
                }
                template.outputs[logicalId] = output
            }
            if let names = stacks[index].bootstrap, names.checksVersion {
                template = try BootstrapVersionCheck.adding(to: template, names: names, stack: stacks[index].name)
            }
            templates[index] = template
        }
        for (index, stackExports) in exports {
            for logicalId in stackExports.keys { paths[index][logicalId] = "\(stacks[index].name)/Exports" }
        }
        var warnings: [String] = []
        if let validator {
            let issues = ConcurrentMap.map(templates) { validator.validate($0) }
            for index in templates.indices {
                warnings += try report(issues[index], of: index, paths: paths[index])
            }
        }
        try StackCycles.check(names: stacks.map(\.name), dependencies: stackDependencies)
        return CloudAssembly(
            stacks: stacks.indices.map { index in
                let stack = stacks[index]
                let dependencies = (stackDependencies[index] ?? [:]).keys.sorted().map { stacks[$0].name }
                return CloudAssembly.StackArtifact(
                    name: stack.name, template: templates[index], environment: stack.environment,
                    dependencies: dependencies, tags: stackTags(of: index),
                    terminationProtection: stack.terminationProtection,
                    assets: (tree.assets[stackNodes[index]] ?? [:]).values.elements,
                    bootstrap: stack.bootstrap ?? .default,
                    constructPaths: paths[index], constructNodes: nodes[index])
            }, warnings: warnings)
    }

    /// The tree, handed to the tasks that read it in parallel. Nothing writes to the tree while they run,
    /// which is what makes sharing it sound.
    private struct SharedTree: @unchecked Sendable {
        let tree: ConstructTree
    }

    // MARK: Validation

    /// Turns a stack's validation issues into a synthesis error naming construct paths, or into warnings
    /// returned as text.
    private func report(_ issues: [ValidationIssue], of stack: Int, paths: [String: String]) throws(SynthesisError) -> [String] {
        guard !issues.isEmpty else { return [] }
        func constructPath(_ issue: ValidationIssue) -> String {
            issue.logicalId.flatMap { paths[$0] } ?? stacks[stack].name
        }
        var errors: [SynthesisError] = []
        var warnings: [String] = []
        for issue in issues {
            let location = issue.pathInEntry.isEmpty ? "" : "\(issue.pathInEntry): "
            switch (issue.severity, issue.rule) {
            case (.warning, _), (.error, "no-resources"):
                // CDK synthesizes a stack without resources; only deploying it fails, so synth warns.
                let logicalId = issue.logicalId.map { " (\($0))" } ?? ""
                warnings.append("warning[\(issue.rule)]: \(constructPath(issue))\(logicalId): \(location)\(issue.message)")
            case (.error, "circular-dependency"):
                let cycle = issue.related.map { paths[$0] ?? $0 }
                errors.append(
                    SynthesisError(
                        .resourceCycle, paths: cycle,
                        "these resources depend on each other in a cycle (\((cycle + cycle.prefix(1)).joined(separator: " → "))); remove one of the references or dependencies"
                    ))
            case (.error, _):
                errors.append(SynthesisError(.invalidTemplate, paths: [constructPath(issue)], "\(location)\(issue.message) [\(issue.rule)]"))
            }
        }
        if let error = SynthesisError(collecting: errors) { throw error }
        return warnings
    }

    // MARK: Logical IDs

    /// The logical ID of each of `nodes` (one stack's elements), checked for collisions.
    private static func logicalIds(of nodes: [Int], in tree: ConstructTree) throws(SynthesisError) -> [(node: Int, logicalId: String)] {
        var owners: [String: Int] = [:]
        // Sized once: a dictionary grown insert by insert hashes every key again at each doubling.
        owners.reserveCapacity(nodes.count)
        var assigned: [(node: Int, logicalId: String)] = []
        assigned.reserveCapacity(nodes.count)
        for node in nodes {
            let logicalId: String
            if let explicit = tree.nodes[node].logicalIdOverride {
                guard Template.isValidLogicalId(explicit) else {
                    throw SynthesisError(
                        .invalidLogicalId, paths: [tree.path(of: node)],
                        "'\(explicit)' is not a valid logical ID; use 1 to 255 ASCII letters and digits")
                }
                logicalId = explicit
            } else {
                guard let derived = LogicalId.make(tree.componentsBelowStack(of: node)) else {
                    throw SynthesisError(
                        .invalidLogicalId, paths: [tree.path(of: node)],
                        "the path has no component but 'Default' below the stack; give the construct another id")
                }
                logicalId = derived
            }
            // One lookup both claims the ID and finds an earlier owner.
            if let other = owners.updateValue(node, forKey: logicalId) {
                throw SynthesisError(
                    .duplicateLogicalId, paths: [tree.path(of: other), tree.path(of: node)],
                    "both are assigned the logical ID '\(logicalId)'; rename one of them or give it an explicit logical ID")
            }
            assigned.append((node, logicalId))
        }
        return assigned
    }

    /// The stack's tags: those it was given, changed by the ``Tag``s on the whole stack by CDK's rules (and
    /// then sorted by key, as CDK writes them).
    private func stackTags(of index: Int) -> OrderedDictionary<String, String> {
        let aspects = tree.nodes[stackNodes[index]].stackTagAspects
        // With `@aws-cdk/core:explicitStackTags`, a stack's tags are only those given to the stack itself.
        let explicitOnly = tree.nodes[stackNodes[index]].defaults?.isEnabled(.coreExplicitStackTags) ?? false
        guard !aspects.isEmpty, !explicitOnly else { return stacks[index].tags }
        var state = TagState()
        for (key, value) in stacks[index].tags { state.set(key, value, priority: TagState.declaredPriority, propagateAtLaunch: true) }
        for aspect in aspects { aspect.apply(to: &state) }
        return state.stackTags
    }

    /// Appends its digest to each logical ID that carries one (API Gateway deployments), once the logical IDs
    /// the digests read are known.
    private func appendDigests(to logicalIds: inout [String?], elementNodes: [[Int]]) throws(SynthesisError) {
        for (stack, nodes) in elementNodes.enumerated() {
            var builder: StackTemplateBuilder?
            for node in nodes {
                guard case .resource(let declaration)? = tree.nodes[node].element, let digest = declaration.logicalIdDigest,
                    let logicalId = logicalIds[node]
                else { continue }
                var reader = builder ?? StackTemplateBuilder(tree: tree, stacks: stacks, stackNodes: stackNodes, logicalIds: logicalIds, stack: stack)
                logicalIds[node] = logicalId + (try reader.digest(digest, at: node))
                builder = reader
            }
        }
    }

    /// The node of each referenceable construct, by its identity, grouped by the node of its stack.
    private func identityNodesByStack() -> [Int: [Int: ConstructIdentity]] {
        var grouped: [Int: [Int: ConstructIdentity]] = [:]
        // A tree resolved apart holds one stack: its dictionary is sized once, not grown (and rehashed) insert by insert.
        if stackNodes.count == 1 { grouped[stackNodes[0]] = Dictionary(minimumCapacity: tree.identities.count) }
        for (identity, node) in tree.identities {
            guard let stack = tree.nodes[node].stack else { continue }
            grouped[stack, default: [:]][node] = identity
        }
        return grouped
    }

    /// The construct path of each logical ID of the stack at `stackNode` (before exports), and of each
    /// referenceable construct in it (`identities`: their nodes); `elementCount` is the number of its elements.
    private static func paths(
        below stackNode: Int, in tree: ConstructTree, logicalIds: [String?], identities: [Int: ConstructIdentity], elementCount: Int
    ) -> (byLogicalId: [String: String], byIdentity: [ConstructIdentity: String]) {
        var byLogicalId: [String: String] = [:]
        var byIdentity: [ConstructIdentity: String] = [:]
        byLogicalId.reserveCapacity(elementCount)
        byIdentity.reserveCapacity(identities.count)
        tree.forEachPath(below: stackNode) { node, path in
            if let logicalId = logicalIds[node] { byLogicalId[logicalId] = path }
            if let identity = identities[node] { byIdentity[identity] = path }
        }
        return (byLogicalId, byIdentity)
    }
}

extension TemplateElement {
    var kindName: String {
        switch self {
        case .resource: "resource"
        case .output: "output"
        case .parameter: "parameter"
        case .condition: "condition"
        case .mapping: "mapping"
        }
    }
}

extension JSONValue {
    /// The value with the member at `path` set to `value` (created with its parents as needed), or removed
    /// when `value` is `nil`: CDK's deep-merge of raw overrides.
    func setting(_ value: JSONValue?, at path: ArraySlice<String>) -> JSONValue {
        guard let key = path.first else { return value ?? .null }
        var members = objectValue ?? [:]
        if path.count == 1 {
            members[key] = value
        } else {
            members[key] = (members[key] ?? .object([:])).setting(value, at: path.dropFirst())
        }
        return .object(members)
    }
}
