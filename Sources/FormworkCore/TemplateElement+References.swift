extension TemplateElement {
    /// Every construct the element points at: its references and its dependencies.
    var referencedConstructs: [any IdentifiedConstruct] {
        var constructs = references.map(\.construct)
        if case .resource(let resource) = self { constructs += resource.dependencies.map(\.construct) }
        return constructs
    }

    /// Every reference in the element's values.
    var references: [Reference] {
        switch self {
        case .resource(let resource):
            var found = Value.object(resource.properties).references
            for value in [resource.updatePolicy, resource.creationPolicy, resource.metadata] {
                found += value?.references ?? []
            }
            for override in resource.overrides { found += override.value?.references ?? [] }
            if let condition = resource.condition { found.append(condition) }
            return found
        case .output(let output):
            var found = output.value.references + (output.exportName?.references ?? [])
            if let condition = output.condition { found.append(condition) }
            return found
        case .condition(let expression):
            return expression.references
        case .parameter, .mapping:
            return []
        }
    }
}
