extension TemplateElement {
    /// Calls `body` with every construct the element points at, references first, then dependencies,
    /// with its identity; the construct itself is only needed when it is not in the tree yet.
    func forEachReferencedConstruct(_ body: (ConstructIdentity, any IdentifiedConstruct) -> Void) {
        forEachReference { body($0.target, $0.construct) }
        if case .resource(let resource) = self {
            for dependency in resource.dependencies { body(dependency.construct.identity, dependency.construct) }
        }
    }

    /// Calls `body` with every reference in the element's values, in the order they are written.
    func forEachReference(_ body: (Reference) -> Void) {
        switch self {
        case .resource(let resource):
            for value in resource.properties.values { value.forEachReference(body) }
            for value in [resource.updatePolicy, resource.creationPolicy, resource.metadata] { value?.forEachReference(body) }
            for override in resource.overrides { override.value?.forEachReference(body) }
            if let condition = resource.condition { body(condition) }
        case .output(let output):
            output.value.forEachReference(body)
            output.exportName?.forEachReference(body)
            if let condition = output.condition { body(condition) }
        case .condition(let expression):
            expression.forEachReference(body)
        case .parameter, .mapping:
            break
        }
    }
}
