import Dispatch
import FormworkSchema
import FormworkTemplate
import OrderedCollections
import Synchronization

/// The resolve phase: logical IDs, references, cross-stack exports and imports, `DependsOn`, and the
/// checks that need them (duplicate logical IDs, cycles between resources and between stacks).
struct StackResolver {
    let tree: ConstructTree
    let stacks: [Stack]
    let stackNodes: [Int]

    /// The logical ID of every node that holds an element. Looked up, never iterated.
    private var logicalIds: [Int: String] = [:]
    /// Exports each producer stack gains, by output logical ID, in the order consumers asked for them.
    private var exports: [Int: OrderedDictionary<String, Template.Output>] = [:]
    /// For each stack, the stacks it depends on, with the construct path that caused the dependency.
    private var stackDependencies: [Int: OrderedDictionary<Int, String>] = [:]

    init(tree: ConstructTree, stacks: [Stack], stackNodes: [Int]) {
        self.tree = tree
        self.stacks = stacks
        self.stackNodes = stackNodes
    }

    /// The index in ``stacks`` of the stack `node` belongs to.
    private func stackIndex(of node: Int) -> Int? {
        tree.nodes[node].stack.flatMap { stackNodes.firstIndex(of: $0) }
    }

    mutating func resolve(validatingWith validator: TemplateValidator?) throws(SynthesisError) -> CloudAssembly {
        let elementNodes = stackNodes.map { tree.subtree($0).filter { tree.nodes[$0].element != nil } }
        for nodes in elementNodes { try assignLogicalIds(nodes) }
        var templates: [Template] = []
        for (index, nodes) in elementNodes.enumerated() {
            templates.append(try template(for: index, elements: nodes))
        }
        var warnings: [String] = []
        for (index, var template) in templates.enumerated() {
            for (logicalId, output) in exports[index] ?? [:] {
                guard template.outputs[logicalId] == nil, template.resources[logicalId] == nil else {
                    throw SynthesisError(.duplicateLogicalId, paths: ["\(stacks[index].name)/Exports"],
                                         "the export '\(logicalId)' collides with an element of the same logical ID; rename the construct 'Exports'")
                }
                template.outputs[logicalId] = output
            }
            templates[index] = template
        }
        if let validator {
            let issues = Self.issues(of: templates, validator: validator)
            for index in templates.indices {
                warnings += try report(issues[index], of: index)
            }
        }
        try StackCycles.check(names: stacks.map(\.name), dependencies: stackDependencies)
        return CloudAssembly(stacks: stacks.indices.map { index in
            let stack = stacks[index]
            let dependencies = (stackDependencies[index] ?? [:]).keys.sorted().map { stacks[$0].name }
            return CloudAssembly.StackArtifact(name: stack.name, template: templates[index], environment: stack.environment,
                                               dependencies: dependencies, tags: stack.tags,
                                               terminationProtection: stack.terminationProtection,
                                               assets: (tree.assets[stackNodes[index]] ?? [:]).values.elements)
        }, warnings: warnings)
    }

    // MARK: Validation

    /// The issues of each template, validated in parallel: templates are independent values.
    private static func issues(of templates: [Template], validator: TemplateValidator) -> [[ValidationIssue]] {
        let results = Mutex<[[ValidationIssue]]>(Array(repeating: [], count: templates.count))
        DispatchQueue.concurrentPerform(iterations: templates.count) { index in
            let issues = validator.validate(templates[index])
            results.withLock { $0[index] = issues }
        }
        return results.withLock { $0 }
    }

    /// Turns a stack's validation issues into a synthesis error naming construct paths, or into warnings
    /// returned as text.
    private func report(_ issues: [ValidationIssue], of stack: Int) throws(SynthesisError) -> [String] {
        guard !issues.isEmpty else { return [] }
        let paths = pathOfLogicalId(in: stack)
        func constructPath(_ issue: ValidationIssue) -> String {
            issue.logicalId.flatMap { paths[$0] } ?? stacks[stack].name
        }
        var errors: [SynthesisError] = []
        var warnings: [String] = []
        for issue in issues {
            let location = issue.pathInEntry.isEmpty ? "" : "\(issue.pathInEntry): "
            switch (issue.severity, issue.rule) {
            case (.warning, _):
                warnings.append("warning[\(issue.rule)]: \(constructPath(issue)): \(location)\(issue.message)")
            case (.error, "circular-dependency"):
                let cycle = issue.related.map { paths[$0] ?? $0 }
                errors.append(SynthesisError(.resourceCycle, paths: cycle,
                    "these resources depend on each other in a cycle (\((cycle + cycle.prefix(1)).joined(separator: " → "))); remove one of the references or dependencies"))
            case (.error, _):
                errors.append(SynthesisError(.invalidTemplate, paths: [constructPath(issue)], "\(location)\(issue.message) [\(issue.rule)]"))
            }
        }
        if let error = SynthesisError(collecting: errors) { throw error }
        return warnings
    }

    // MARK: Logical IDs

    private mutating func assignLogicalIds(_ nodes: [Int]) throws(SynthesisError) {
        var owners: [String: Int] = [:]
        for node in nodes {
            let logicalId: String
            if let explicit = tree.nodes[node].logicalIdOverride {
                guard Template.isValidLogicalId(explicit) else {
                    throw SynthesisError(.invalidLogicalId, paths: [tree.path(of: node)],
                                         "'\(explicit)' is not a valid logical ID; use 1 to 255 ASCII letters and digits")
                }
                logicalId = explicit
            } else {
                guard let derived = LogicalId.make(tree.componentsBelowStack(of: node)) else {
                    throw SynthesisError(.invalidLogicalId, paths: [tree.path(of: node)],
                                         "the path has no component but 'Default' below the stack; give the construct another id")
                }
                logicalId = derived
            }
            if let other = owners[logicalId] {
                throw SynthesisError(.duplicateLogicalId, paths: [tree.path(of: other), tree.path(of: node)],
                                     "both are assigned the logical ID '\(logicalId)'; rename one of them or give it an explicit logical ID")
            }
            owners[logicalId] = node
            logicalIds[node] = logicalId
        }
    }

    private func pathOfLogicalId(in stack: Int) -> [String: String] {
        var paths: [String: String] = [:]
        for node in tree.subtree(stackNodes[stack]) {
            if let logicalId = logicalIds[node] { paths[logicalId] = tree.path(of: node) }
        }
        for logicalId in (exports[stack] ?? [:]).keys { paths[logicalId] = "\(stacks[stack].name)/Exports" }
        return paths
    }

    // MARK: Templates

    private mutating func template(for stack: Int, elements: [Int]) throws(SynthesisError) -> Template {
        var template = Template(description: stacks[stack].description)
        for node in elements {
            guard let element = tree.nodes[node].element, let logicalId = logicalIds[node] else { continue }
            switch element {
            case .resource(let declaration):
                template.resources[logicalId] = try resource(declaration, at: node, in: stack)
            case .output(let declaration):
                template.outputs[logicalId] = Template.Output(
                    value: try resolve(declaration.value, at: node, in: stack),
                    description: declaration.description,
                    exportName: try declaration.exportName.map { v throws(SynthesisError) in try resolve(v, at: node, in: stack) },
                    condition: try declaration.condition.map { r throws(SynthesisError) in try conditionName(r, at: node, in: stack) })
            case .parameter(let parameter):
                template.parameters[logicalId] = parameter
            case .condition(let expression):
                template.conditions[logicalId] = try resolve(expression, at: node, in: stack)
            case .mapping(let table):
                template.mappings[logicalId] = table
            }
        }
        return template
    }

    private mutating func resource(_ declaration: ResourceDeclaration, at node: Int, in stack: Int) throws(SynthesisError) -> Template.Resource {
        var resource = Template.Resource(type: declaration.type)
        for (key, value) in declaration.properties { resource.properties[key] = try resolve(value, at: node, in: stack) }
        resource.updatePolicy = try declaration.updatePolicy.map { v throws(SynthesisError) in try resolve(v, at: node, in: stack) }
        resource.creationPolicy = try declaration.creationPolicy.map { v throws(SynthesisError) in try resolve(v, at: node, in: stack) }
        resource.metadata = try declaration.metadata.map { v throws(SynthesisError) in try resolve(v, at: node, in: stack) }
        resource.condition = try declaration.condition.map { r throws(SynthesisError) in try conditionName(r, at: node, in: stack) }
        if let policies = declaration.removalPolicy?.policies {
            resource.updateReplacePolicy = policies.updateReplace
            resource.deletionPolicy = policies.deletion
        }
        var dependsOn: [Int] = []
        for dependency in declaration.dependencies {
            dependsOn += try dependencyNodes(dependency, from: node, in: stack)
        }
        if dependsOn.count > 1 {
            dependsOn = dependsOn.map { (tree.path(of: $0), $0) }.sorted { LocaleCompare.precedes($0.0, $1.0) }.map(\.1)
        }
        resource.dependsOn = dependsOn.compactMap { logicalIds[$0] }
        if !declaration.overrides.isEmpty {
            resource = try applying(declaration.overrides, to: resource, at: node, in: stack)
        }
        if !resource.dependsOn.isEmpty {
            let implied = resource.referencedLogicalIds
            resource.dependsOn = OrderedSet(resource.dependsOn).filter { !implied.contains($0) }
        }
        return resource
    }

    /// The resource nodes in the stack a dependency stands for; a dependency on another stack becomes a
    /// stack dependency instead.
    private mutating func dependencyNodes(_ dependency: Dependency, from node: Int, in stack: Int) throws(SynthesisError) -> [Int] {
        guard var target = tree.node(forIdentity: dependency.construct.identity) else {
            throw SynthesisError(.danglingReference, paths: [tree.path(of: node)], "depends on '\(dependency.construct.id)', which is not in the app")
        }
        for id in dependency.element {
            guard let child = tree.child(of: target, named: id) else { return [] }
            target = child
        }
        let resources = tree.subtree(target).filter {
            if case .resource? = tree.nodes[$0].element { return true }
            return false
        }
        guard let producer = stackIndex(of: target), producer != stack else { return resources }
        if stackDependencies[stack]?[producer] == nil {
            stackDependencies[stack, default: [:]][producer] = tree.path(of: node)
        }
        return []
    }

    private mutating func applying(_ overrides: [ResourceOverride], to resource: Template.Resource, at node: Int, in stack: Int) throws(SynthesisError) -> Template.Resource {
        var entry = resource.json
        for override in overrides {
            let value = try override.value.map { v throws(SynthesisError) in try resolve(v, at: node, in: stack) }
            entry = entry.setting(value, at: override.path[...])
        }
        do {
            return try Template(json: ["Resources": ["X": entry]]).resources["X"] ?? resource
        } catch {
            throw SynthesisError(.invalidOverride, paths: [tree.path(of: node)],
                                 "an override makes the resource invalid: \(error.message)")
        }
    }

    // MARK: References

    private mutating func resolve(_ value: Value, at node: Int, in stack: Int) throws(SynthesisError) -> JSONValue {
        try value.resolved { reference throws(SynthesisError) in try resolve(reference, at: node, in: stack) }
    }

    private mutating func conditionName(_ reference: Reference, at node: Int, in stack: Int) throws(SynthesisError) -> String {
        guard case .string(let name) = try resolve(reference, at: node, in: stack) else {
            throw SynthesisError(.invalidReference, paths: [tree.path(of: node)], "a condition reference did not resolve to a name")
        }
        return name
    }

    private mutating func resolve(_ reference: Reference, at node: Int, in stack: Int) throws(SynthesisError) -> JSONValue {
        guard var target = tree.node(forIdentity: reference.target) else {
            throw SynthesisError(.danglingReference, paths: [tree.path(of: node)], "references '\(reference.construct.id)', which is not in the app")
        }
        for id in reference.element {
            guard let child = tree.child(of: target, named: id) else {
                throw SynthesisError(.danglingReference, paths: [tree.path(of: node), tree.path(of: target)],
                                     "references '\(id)' below '\(tree.path(of: target))', which has no such element")
            }
            target = child
        }
        guard let element = tree.nodes[target].element, let logicalId = logicalIds[target], let producer = stackIndex(of: target) else {
            throw SynthesisError(.danglingReference, paths: [tree.path(of: node), tree.path(of: target)], "references a construct that declares no template element")
        }
        guard let local = Self.localValue(of: reference.form, element: element, logicalId: logicalId) else {
            throw SynthesisError(.invalidReference, paths: [tree.path(of: node), tree.path(of: target)],
                                 "this kind of reference cannot point at a \(element.kindName)")
        }
        guard producer != stack else { return local }
        guard reference.form != .logicalId else {
            throw SynthesisError(.invalidReference, paths: [tree.path(of: node), tree.path(of: target)],
                                 "conditions and mappings cannot be used across stacks; declare '\(tree.nodes[target].id)' in stack '\(stacks[stack].name)' too")
        }
        try checkEnvironments(consumer: stack, producer: producer, node: node, target: target)
        if stackDependencies[stack]?[producer] == nil {
            stackDependencies[stack, default: [:]][producer] = tree.path(of: node)
        }
        return .importValue(.string(export(local, from: producer)))
    }

    /// What a reference of `form` to the element resolves to within its own stack; `nil` when the form does
    /// not fit the element (a `Fn::GetAtt` of a parameter).
    private static func localValue(of form: Reference.Form, element: TemplateElement, logicalId: String) -> JSONValue? {
        switch (form, element) {
        case (.ref, .resource), (.ref, .parameter): .ref(logicalId)
        case (.getAtt(let attribute), .resource): .getAtt(logicalId, attribute)
        case (.logicalId, .condition), (.logicalId, .mapping): .string(logicalId)
        default: nil
        }
    }

    /// Exports `value` from `producer` as CDK does, and returns the export name to import.
    ///
    /// The output's id is `Output` followed by the compact JSON of the value, below a construct `Exports`;
    /// the export name is `<stack name>:<output logical ID>`, cut from the left to 255 characters.
    private mutating func export(_ value: JSONValue, from producer: Int) -> String {
        let outputId = "Output" + JSONWriter(style: .compact).string(from: value)
        let logicalId = LogicalId.make(["Exports", outputId]) ?? outputId
        let fullName = "\(stacks[producer].name):\(logicalId)"
        let name = String(fullName.suffix(255))
        if exports[producer]?[logicalId] == nil {
            exports[producer, default: [:]][logicalId] = Template.Output(value: value, exportName: .string(name))
        }
        return name
    }

    private func checkEnvironments(consumer: Int, producer: Int, node: Int, target: Int) throws(SynthesisError) {
        let (a, b) = (stacks[consumer], stacks[producer])
        let accountsDiffer = a.account != nil && b.account != nil && a.account != b.account
        let regionsDiffer = a.region != nil && b.region != nil && a.region != b.region
        guard !accountsDiffer, !regionsDiffer else {
            throw SynthesisError(.crossEnvironmentReference, paths: [tree.path(of: node), tree.path(of: target)],
                                 "stack '\(a.name)' (\(a.environment)) references stack '\(b.name)' (\(b.environment)); CloudFormation exports work only within one account and region")
        }
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
