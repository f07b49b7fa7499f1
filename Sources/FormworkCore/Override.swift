/// CDK's escape hatch on any construct: sets, replaces or deletes a value of a resource the construct
/// declares, reached by its path below the construct — what CDK's `node.defaultChild.addPropertyOverride`,
/// `addOverride` and `addDeletionOverride` do. The change shows in the template and is validated with it.
///
/// ```swift
/// let queue = Queue("Orders")
/// queue
/// queue.override("Properties.VisibilityTimeout", 45)                  // at Orders/Resource
/// queue.override("Properties.RedrivePolicy", nil)                     // deleted
/// api.override("Properties.Variables.mode", "blue", at: "DeploymentStage.prod/Resource")
/// ```
///
/// List the override in a body next to the construct. It applies after every construct has declared its
/// resources and edges have contributed, so it wins over them, as CDK's raw overrides do.
public struct Override: Construct {
    public let id: String
    /// The construct whose resource changes.
    public let target: any IdentifiedConstruct
    /// The path below the target's node of the resource, `/`-separated (`Resource`, `ServiceRole/Resource`).
    public let element: [String]
    /// The change: a dot-separated path in the resource entry and the new value (`nil` deletes it).
    public let change: ResourceOverride

    /// The change of the value at `path` (`Properties.Timeout`, `DeletionPolicy`) of the resource at
    /// `element` below `target` to `value`, or its removal when `value` is `nil`.
    public init(_ target: some IdentifiedConstruct, at element: String = "Resource", _ path: String, _ value: Value?) {
        self.target = target
        self.element = element.split(separator: "/").map(String.init)
        self.change = ResourceOverride(path, value)
        self.id = "Override(\(target.id).\(element.replacingOccurrences(of: "/", with: ".")).\(path))"
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        scope.require(target)
        scope.afterExpansion(.overrides) { [self] scope throws(SynthesisError) in
            var resource = try scope.scope(of: target)
            for id in element {
                guard let child = resource.existingChild(id) else {
                    throw SynthesisError(
                        .invalidOverride, paths: [scope.path, resource.path],
                        "'\(resource.path)' has no child '\(id)' to override; the path names what the construct declares, such as 'Resource'")
                }
                resource = child
            }
            try resource.appendOverride(change)
        }
    }
}

extension IdentifiedConstruct {
    /// An ``Override`` of the value at `path` in the resource at `element` below this construct; list it in a
    /// body.
    public func override(_ path: String, _ value: Value?, at element: String = "Resource") -> Override {
        Override(self, at: element, path, value)
    }
}
