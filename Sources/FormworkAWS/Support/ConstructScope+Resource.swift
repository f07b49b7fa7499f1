import FormworkCore
import FormworkL1

extension ConstructScope {
    /// Declares a resource of `properties`' type at the child `id` (`Resource` by default), its properties in
    /// alphabetical order, as CDK's generated L1 classes write them.
    func declareResource(
        _ properties: some ResourceProperties, at id: String = "Resource", dependencies: [Dependency] = [], removalPolicy: RemovalPolicy? = nil,
        metadata: Value? = nil, transforms: [any ResolvedPropertiesTransform] = []
    ) throws(SynthesisError) {
        var declaration = ResourceDeclaration(properties, dependencies: dependencies, removalPolicy: removalPolicy, metadata: metadata)
        declaration.resolvedTransforms = transforms
        try declare(.resource(declaration), at: id)
    }
}
