import FormworkCore
import FormworkL1
import OrderedCollections

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

    /// Declares a resource of `type` at the child `id` (`Resource` by default), its top-level properties in
    /// alphabetical order, as CDK's generated L1 classes write them.
    func declareResource(
        _ type: String, at id: String = "Resource", properties: OrderedDictionary<String, Value>,
        dependencies: [Dependency] = [], removalPolicy: RemovalPolicy? = nil, metadata: Value? = nil,
        transforms: [any ResolvedPropertiesTransform] = []
    ) throws(SynthesisError) {
        var sorted = properties
        sorted.sort { $0.key < $1.key }
        var declaration = ResourceDeclaration(type: type, properties: sorted, dependencies: dependencies, removalPolicy: removalPolicy, metadata: metadata)
        declaration.resolvedTransforms = transforms
        try declare(.resource(declaration), at: id)
    }
}
