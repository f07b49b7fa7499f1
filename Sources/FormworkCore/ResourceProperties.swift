import OrderedCollections

/// The typed properties of one CloudFormation resource type: a generated L1 (`CfnSQS.Queue`,
/// `CfnLambda.Function`, ...), written from the type's registry schema by `Scripts/generate-l1`.
///
/// Declare them as a resource of their own with ``Resource/init(_:_:)``, or from an L2's `expand(in:)`
/// through ``ResourceDeclaration/init(_:dependencies:removalPolicy:metadata:)``. A property name that is not
/// the type's does not compile.
public protocol ResourceProperties: Sendable {
    /// The CloudFormation type, `AWS::<Service>::<Name>`.
    static var resourceType: String { get }
    /// The properties as the template writes them: alphabetical order at every level, the unset ones left out.
    var properties: OrderedDictionary<String, Value> { get }
}

/// A part of a typed L1's properties (a nested object of its schema) that the template writes as a ``Value``.
public protocol ValueConvertible: Sendable {
    /// The part as the template writes it: an object, its keys in alphabetical order, the unset ones left out.
    var templateValue: Value { get }
}

/// One attribute `Fn::GetAtt` reads from a resource type, named by the type's generated `Attribute` enum
/// (`CfnSQS.Queue.Attribute.arn` is `"Arn"`).
public protocol ResourceAttribute: RawRepresentable, Sendable where RawValue == String {}

extension ResourceDeclaration {
    /// A resource of `properties`' type, with those properties.
    public init(
        _ properties: some ResourceProperties, dependencies: [Dependency] = [], removalPolicy: RemovalPolicy? = nil, metadata: Value? = nil
    ) {
        self.init(
            type: Swift.type(of: properties).resourceType, properties: properties.properties, dependencies: dependencies, removalPolicy: removalPolicy,
            metadata: metadata)
    }
}

extension Resource {
    /// A resource of `properties`' type, its properties typed:
    /// `Resource("Vpc", CfnEC2.SecurityGroup(groupDescription: "web"))`.
    public init(_ id: String, _ properties: some ResourceProperties) {
        self.init(id, type: Swift.type(of: properties).resourceType, properties: properties.properties)
    }

    /// `{"Fn::GetAtt": [logicalId, attribute]}`, the attribute named by its type's `Attribute` enum.
    public func getAtt(_ attribute: some ResourceAttribute) -> Value {
        getAtt(attribute.rawValue)
    }
}
