import FormworkTemplate
import OrderedCollections

/// Builds one stack's template once every logical ID is known: resolves references (`Ref` and `Fn::GetAtt`
/// within the stack, `Fn::ImportValue` of an export across stacks), `DependsOn`, and overrides.
///
/// A builder only reads the tree and the logical IDs, so the stacks of an app build in parallel; what a
/// stack needs from others (exports, stack dependencies) is collected for the resolver to merge in order.
struct StackTemplateBuilder {
    /// An output a producer stack must gain because this stack imports it.
    struct Export {
        let producer: Int
        let logicalId: String
        let output: Template.Output
    }

    let tree: ConstructTree
    let stacks: [Stack]
    let stackNodes: [Int]
    /// The logical ID of every node that holds an element, by node index.
    let logicalIds: [String?]
    /// The index in ``stacks`` of the stack being built.
    let stack: Int

    /// The exports this stack imports, in the order its elements asked for them.
    private(set) var exports: [Export] = []
    /// The stacks this stack depends on, with the construct path that caused each dependency.
    private(set) var stackDependencies: OrderedDictionary<Int, String> = [:]

    init(tree: ConstructTree, stacks: [Stack], stackNodes: [Int], logicalIds: [String?], stack: Int) {
        self.tree = tree
        self.stacks = stacks
        self.stackNodes = stackNodes
        self.logicalIds = logicalIds
        self.stack = stack
    }

    /// The index in ``stacks`` of the stack `node` belongs to.
    private func stackIndex(of node: Int) -> Int? {
        tree.nodes[node].stack.flatMap { stackNodes.firstIndex(of: $0) }
    }

    /// The stack's template, from the nodes of its elements in tree order.
    mutating func build(elements: [Int]) throws(SynthesisError) -> Template {
        var template = Template(description: stacks[stack].description)
        for node in elements {
            guard let element = tree.nodes[node].element, let logicalId = logicalIds[node] else { continue }
            switch element {
            case .resource(let declaration):
                template.resources[logicalId] = try resource(declaration, at: node)
            case .output(let declaration):
                template.outputs[logicalId] = Template.Output(
                    value: try resolve(declaration.value, at: node),
                    description: declaration.description,
                    exportName: try declaration.exportName.map { v throws(SynthesisError) in try resolve(v, at: node) },
                    condition: try declaration.condition.map { r throws(SynthesisError) in try conditionName(r, at: node) })
            case .parameter(let parameter):
                template.parameters[logicalId] = parameter
            case .condition(let expression):
                template.conditions[logicalId] = try resolve(expression, at: node)
            case .mapping(let table):
                template.mappings[logicalId] = table
            }
        }
        return template
    }

    /// The template entry of `declaration`. Its `DependsOn` leaves out the resources its properties already refer
    /// to, unless `keepingImpliedDependencies` (CDK writes every edge, and a digest of the whole entry hashes them).
    private mutating func resource(
        _ declaration: ResourceDeclaration, at node: Int, keepingImpliedDependencies: Bool = false
    ) throws(SynthesisError) -> Template.Resource {
        // The entry shares the declaration's keys and resolves the values alone.
        var properties = try declaration.properties.mapJSONValues { value throws(SynthesisError) in try resolve(value, at: node) }
        for transform in declaration.resolvedTransforms { properties = transform.transform(properties) }
        let updatePolicy = try declaration.updatePolicy.map { v throws(SynthesisError) in try resolve(v, at: node) }
        let creationPolicy = try declaration.creationPolicy.map { v throws(SynthesisError) in try resolve(v, at: node) }
        let metadata = try declaration.metadata.map { v throws(SynthesisError) in try resolve(v, at: node) }
        let condition = try declaration.condition.map { r throws(SynthesisError) in try conditionName(r, at: node) }
        var dependsOn: [Int] = []
        for dependency in declaration.dependencies {
            dependsOn += try dependencyNodes(dependency, from: node)
        }
        if dependsOn.count > 1 {
            dependsOn = dependsOn.map { (tree.path(of: $0), $0) }.sorted { LocaleCompare.precedes($0.0, $1.0) }.map(\.1)
        }
        let policies = declaration.removalPolicy?.policies
        // Built whole: a field set afterwards goes through the resource's accessors, a call each.
        var resource = Template.Resource(
            type: declaration.type, properties: properties, dependsOn: dependsOn.compactMap { logicalIds[$0] },
            creationPolicy: creationPolicy, updatePolicy: updatePolicy, updateReplacePolicy: policies?.updateReplace,
            deletionPolicy: policies?.deletion, metadata: metadata, condition: condition)
        if !declaration.overrides.isEmpty {
            resource = try applying(declaration.overrides, to: resource, at: node)
        }
        if !resource.dependsOn.isEmpty, !keepingImpliedDependencies {
            let implied = resource.referencedLogicalIds
            resource.dependsOn = OrderedSet(resource.dependsOn).filter { !implied.contains($0) }
        }
        return resource
    }

    /// The resource nodes in the stack a dependency stands for; a dependency on another stack becomes a
    /// stack dependency instead.
    private mutating func dependencyNodes(_ dependency: Dependency, from node: Int) throws(SynthesisError) -> [Int] {
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
        if stackDependencies[producer] == nil { stackDependencies[producer] = tree.path(of: node) }
        return []
    }

    private mutating func applying(_ overrides: [ResourceOverride], to resource: Template.Resource, at node: Int) throws(SynthesisError) -> Template.Resource {
        var entry = resource.json
        for override in overrides {
            let value = try override.value.map { v throws(SynthesisError) in try resolve(v, at: node) }
            entry = entry.setting(value, at: override.path[...])
        }
        do {
            return try Template(json: ["Resources": ["X": entry]]).resources["X"] ?? resource
        } catch {
            throw SynthesisError(
                .invalidOverride, paths: [tree.path(of: node)],
                "an override makes the resource invalid: \(error.message)")
        }
    }

    // MARK: Logical ID digests

    /// The 32 lowercase hex digits `digest` adds to the logical ID of the resource at `node`: the MD5 of
    /// each component's compact JSON, resolved, one after another.
    mutating func digest(_ digest: LogicalIdDigest, at node: Int) throws(SynthesisError) -> String {
        MD5.hex(try digestText(digest.components, at: node))
    }

    /// The text `components` stand for, one after another.
    private mutating func digestText(_ components: [LogicalIdDigest.Component], at node: Int) throws(SynthesisError) -> [UInt8] {
        let writer = JSONWriter(style: .compact)
        var text: [UInt8] = []
        for component in components {
            switch component {
            case .value(let value):
                text += writer.bytes(from: try resolve(value, at: node))
            case .resourceEntry(let reference, let propertyOrder):
                var (logicalId, entry) = try resourceJSON(reference, from: node)
                if let propertyOrder, case .object(var fields) = entry, let properties = fields["Properties"]?.objectValue {
                    fields["Properties"] = .object(Self.sorted(properties, order: propertyOrder))
                    entry = .object(fields)
                }
                text += writer.bytes(from: .object(["Resources": .object([logicalId: entry])]))
            case .resourceProperties(let reference, let order, let keeping, let renaming):
                let properties = try resourceJSON(reference, from: node).entry["Properties"]?.objectValue ?? [:]
                text += writer.bytes(from: .object(Self.sorted(properties, order: order, keeping: keeping, renaming: renaming)))
            case .text(let raw):
                text += Array(raw.utf8)
            case .digest(let inner):
                text += Array(MD5.hex(try digestText(inner, at: node)).utf8)
            }
        }
        return text
    }

    /// `properties` with the keys of `order` first in that order and the others after in alphabetical order; only
    /// those in `keeping` when it is given, each under its name in `renaming` when it has one there.
    private static func sorted(
        _ properties: OrderedDictionary<String, JSONValue>, order: [String], keeping: Set<String>? = nil, renaming: [String: String] = [:]
    ) -> OrderedDictionary<String, JSONValue> {
        var sorted = OrderedDictionary<String, JSONValue>()
        for key in order + properties.keys.filter({ !order.contains($0) }).sorted() {
            guard let value = properties[key], keeping.map({ $0.contains(key) }) ?? true else { continue }
            sorted[renaming[key] ?? key] = value
        }
        return sorted
    }

    /// The logical ID and template entry of the resource `reference` points at.
    private mutating func resourceJSON(_ reference: Reference, from node: Int) throws(SynthesisError) -> (logicalId: String, entry: JSONValue) {
        let target = try target(of: reference, from: node)
        guard case .resource(let declaration)? = tree.nodes[target].element, let logicalId = logicalIds[target] else {
            throw SynthesisError(
                .invalidReference, paths: [tree.path(of: node), tree.path(of: target)],
                "a logical ID digest names an element that is not a resource")
        }
        return (logicalId, try resource(declaration, at: target, keepingImpliedDependencies: true).json)
    }

    // MARK: References

    private mutating func resolve(_ value: Value, at node: Int) throws(SynthesisError) -> JSONValue {
        try value.resolved { reference throws(SynthesisError) in try resolve(reference, at: node) }
    }

    private mutating func conditionName(_ reference: Reference, at node: Int) throws(SynthesisError) -> String {
        guard case .string(let name) = try resolve(reference, at: node) else {
            throw SynthesisError(.invalidReference, paths: [tree.path(of: node)], "a condition reference did not resolve to a name")
        }
        return name
    }

    /// The node a reference made at `node` points at.
    private func target(of reference: Reference, from node: Int) throws(SynthesisError) -> Int {
        guard var target = tree.node(forIdentity: reference.target) else {
            throw SynthesisError(.danglingReference, paths: [tree.path(of: node)], "references '\(reference.construct.id)', which is not in the app")
        }
        for id in reference.element {
            guard let child = tree.child(of: target, named: id) else {
                throw SynthesisError(
                    .danglingReference, paths: [tree.path(of: node), tree.path(of: target)],
                    "references '\(id)' below '\(tree.path(of: target))', which has no such element")
            }
            target = child
        }
        return target
    }

    private mutating func resolve(_ reference: Reference, at node: Int) throws(SynthesisError) -> JSONValue {
        let target = try target(of: reference, from: node)
        guard let element = tree.nodes[target].element, let logicalId = logicalIds[target], let producer = stackIndex(of: target) else {
            throw SynthesisError(
                .danglingReference, paths: [tree.path(of: node), tree.path(of: target)], "references a construct that declares no template element")
        }
        guard let local = Self.localValue(of: reference.form, element: element, logicalId: logicalId) else {
            throw SynthesisError(
                .invalidReference, paths: [tree.path(of: node), tree.path(of: target)],
                "this kind of reference cannot point at a \(element.kindName)")
        }
        guard producer != stack else { return local }
        guard reference.form != .logicalId else {
            throw SynthesisError(
                .invalidReference, paths: [tree.path(of: node), tree.path(of: target)],
                "conditions and mappings cannot be used across stacks; declare '\(tree.nodes[target].id)' in stack '\(stacks[stack].name)' too")
        }
        try checkEnvironments(producer: producer, node: node, target: target)
        if stackDependencies[producer] == nil { stackDependencies[producer] = tree.path(of: node) }
        switch stacks[stack].defaults?.flags.value(of: FeatureFlag.coreDefaultCrossStackReferences.name) {
        case .string("weak")?:
            return publish(local, from: producer)
        case .string("both")?:
            _ = export(local, from: producer)
            return publish(local, from: producer)
        default:
            return .importValue(.string(export(local, from: producer)))
        }
    }

    /// Publishes `value` from `producer` as CDK's weak references do (`@aws-cdk/core:defaultCrossStackReferences`
    /// `weak`), and returns what reads it: an output without an export, `Output<compact JSON of the value>`
    /// below a construct `Publish`, read with `Fn::GetStackOutput` of the producer's name, region and output.
    private mutating func publish(_ value: JSONValue, from producer: Int) -> JSONValue {
        let outputId = "Output" + JSONWriter(style: .compact).string(from: value)
        let logicalId = LogicalId.make(["Publish", outputId]) ?? outputId
        exports.append(Export(producer: producer, logicalId: logicalId, output: Template.Output(value: value)))
        let region: JSONValue = stacks[producer].region.map { .string($0) } ?? ["Ref": "AWS::Region"]
        return ["Fn::GetStackOutput": ["StackName": .string(stacks[producer].name), "Region": region, "OutputName": .string(logicalId)]]
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
        exports.append(Export(producer: producer, logicalId: logicalId, output: Template.Output(value: value, exportName: .string(name))))
        return name
    }

    private func checkEnvironments(producer: Int, node: Int, target: Int) throws(SynthesisError) {
        let (a, b) = (stacks[stack], stacks[producer])
        let accountsDiffer = a.account != nil && b.account != nil && a.account != b.account
        let regionsDiffer = a.region != nil && b.region != nil && a.region != b.region
        guard !accountsDiffer, !regionsDiffer else {
            throw SynthesisError(
                .crossEnvironmentReference, paths: [tree.path(of: node), tree.path(of: target)],
                "stack '\(a.name)' (\(a.environment)) references stack '\(b.name)' (\(b.environment)); CloudFormation exports work only within one account and region"
            )
        }
    }
}
