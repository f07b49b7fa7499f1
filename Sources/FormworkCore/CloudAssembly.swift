import FormworkTemplate
import OrderedCollections

/// What a synthesis produces: one template per stack, with what the cloud assembly's manifest says of it.
public struct CloudAssembly: Sendable {
    /// One synthesized stack.
    public struct StackArtifact: Sendable {
        /// The stack's name (also its artifact id in `manifest.json`).
        public var name: String
        /// The stack's template.
        public var template: Template
        /// `aws://ACCOUNT/REGION`, with `unknown-account`/`unknown-region` where not set.
        public var environment: String
        /// The names of the stacks this one imports from; they deploy first.
        public var dependencies: [String]
        /// Stack tags.
        public var tags: OrderedDictionary<String, String>
        /// Whether CloudFormation refuses to delete the stack.
        public var terminationProtection: Bool
        /// The files the stack deploys through the bootstrap bucket (function code).
        public var assets: [FileAsset] = []
        /// The bootstrap the stack deploys through: its assets bucket and roles.
        public var bootstrap: BootstrapNames = .default
        /// The construct path of each element of the template, by logical ID: `ShopShared/Messaging/Alerts/Resource`
        /// for `MessagingAlerts1A2B3C4D`. Exports a stack makes for another point at `<stack>/Exports`.
        public var constructPaths: [String: String] = [:]
        /// The construct path of each construct of the stack that can be referenced, by its identity: where
        /// `queue` of `Queue("Orders")` ended up in the tree.
        public var constructNodes: [ConstructIdentity: String] = [:]

        /// The construct path of the element `logicalId`, or `nil` when the template has no such element
        /// from a construct.
        public func constructPath(ofLogicalId logicalId: String) -> String? {
            constructPaths[logicalId]
        }
    }

    /// The stacks, in the order the app lists them.
    public var stacks: [StackArtifact]
    /// Problems that do not stop a deploy, such as a stack close to a CloudFormation limit, each naming
    /// its construct path.
    public var warnings: [String] = []

    /// The stack named `name`.
    public func stack(named name: String) -> StackArtifact? {
        stacks.first { $0.name == name }
    }
}

extension CloudAssembly {
    /// The stacks with every stack after the stacks it depends on; otherwise in app order.
    public var stacksInDependencyOrder: [StackArtifact] {
        var placed = OrderedSet<String>()
        var ordered: [StackArtifact] = []
        let byName = Dictionary(stacks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func place(_ stack: StackArtifact, visiting: Set<String>) {
            guard !placed.contains(stack.name), !visiting.contains(stack.name) else { return }
            for dependency in stack.dependencies {
                if let producer = byName[dependency] { place(producer, visiting: visiting.union([stack.name])) }
            }
            placed.append(stack.name)
            ordered.append(stack)
        }
        for stack in stacks { place(stack, visiting: []) }
        return ordered
    }

    /// The assembly reduced to the stacks named in `names` and the stacks they depend on.
    ///
    /// - Throws: ``SynthesisError`` with code `unknown-stack` for a name the app has no stack for.
    public func selecting(_ names: [String]) throws(SynthesisError) -> CloudAssembly {
        guard !names.isEmpty else { return self }
        var wanted = OrderedSet<String>()
        var pending = names
        while let name = pending.popLast() {
            guard let stack = stack(named: name) else {
                throw SynthesisError(
                    .unknownStack, paths: [name],
                    "the app has no stack named '\(name)'; its stacks are \(stacks.map(\.name).joined(separator: ", "))")
            }
            if wanted.append(name).inserted { pending += stack.dependencies }
        }
        return CloudAssembly(stacks: stacks.filter { wanted.contains($0.name) }, warnings: warnings)
    }
}
