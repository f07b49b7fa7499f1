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
    }

    /// The stacks, in the order the app lists them.
    public var stacks: [StackArtifact]

    /// The stack named `name`.
    public func stack(named name: String) -> StackArtifact? {
        stacks.first { $0.name == name }
    }
}
