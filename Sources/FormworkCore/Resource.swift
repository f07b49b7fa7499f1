import FormworkTemplate
import OrderedCollections

/// Any CloudFormation resource, written directly: the L1 escape hatch.
///
/// Properties are written alphabetically, as CDK's generated L1 classes write them; custom resources
/// (`Custom::...`, `AWS::CloudFormation::CustomResource`) keep the order given, as CDK's `CfnResource` does.
///
/// ```swift
/// let dlq = Resource("DLQ", type: "AWS::SQS::Queue", properties: ["MessageRetentionPeriod": 1_209_600])
/// Resource("Queue", type: "AWS::SQS::Queue", properties: [
///     "RedrivePolicy": ["deadLetterTargetArn": dlq.getAtt("Arn"), "maxReceiveCount": 3],
/// ])
/// .removalPolicy(.destroy)
/// ```
public struct Resource: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The declaration the resource contributes.
    public private(set) var declaration: ResourceDeclaration
    /// An explicit logical ID, replacing the one derived from the path.
    public private(set) var explicitLogicalId: String?

    /// A resource of `type` with `properties`.
    public init(_ id: String, type: String, properties: OrderedDictionary<String, Value> = [:]) {
        self.id = id
        self.declaration = ResourceDeclaration(type: type, properties: properties)
    }

    /// `{"Ref": logicalId}`: the value the resource type returns for `Ref` (a name, an ARN or a URL).
    public var ref: Value { .reference(Reference(to: self, form: .ref)) }

    /// `{"Fn::GetAtt": [logicalId, attribute]}`.
    public func getAtt(_ attribute: String) -> Value {
        .reference(Reference(to: self, form: .getAtt(attribute)))
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        var declaration = declaration
        if !Self.keepsPropertyOrder(declaration.type) {
            declaration.properties.sort { $0.key < $1.key }
        }
        try scope.declare(.resource(declaration), logicalId: explicitLogicalId)
    }

    static func keepsPropertyOrder(_ type: String) -> Bool {
        type.hasPrefix("Custom::") || type == "AWS::CloudFormation::CustomResource"
    }
}

extension Resource {
    /// A copy of the resource with `change` applied; the identity stays the same.
    private func with(_ change: (inout Resource) -> Void) -> Resource {
        var copy = self
        change(&copy)
        return copy
    }

    /// The same resource, waiting for `constructs` (and every resource below them) before it is created.
    public func dependsOn(_ constructs: any IdentifiedConstruct...) -> Resource {
        with { resource in resource.declaration.dependencies += constructs.map { Dependency(on: $0) } }
    }

    /// The same resource, created only when `condition` is true.
    public func condition(_ condition: Condition) -> Resource {
        with { $0.declaration.condition = condition.reference }
    }

    /// The same resource with `UpdateReplacePolicy` and `DeletionPolicy` set from `policy`.
    public func removalPolicy(_ policy: RemovalPolicy) -> Resource {
        with { $0.declaration.removalPolicy = policy }
    }

    /// The same resource with an `UpdatePolicy`.
    public func updatePolicy(_ policy: Value) -> Resource {
        with { $0.declaration.updatePolicy = policy }
    }

    /// The same resource with a `CreationPolicy`.
    public func creationPolicy(_ policy: Value) -> Resource {
        with { $0.declaration.creationPolicy = policy }
    }

    /// The same resource with `Metadata`.
    public func metadata(_ metadata: Value) -> Resource {
        with { $0.declaration.metadata = metadata }
    }

    /// The same resource with the entry at `path` (dot-separated from the resource entry, as CDK's
    /// `addOverride`: `"Properties.RedrivePolicy.maxReceiveCount"`) set to `value`, or removed when `nil`.
    public func override(_ path: String, _ value: Value?) -> Resource {
        with { $0.declaration.overrides.append(ResourceOverride(path, value)) }
    }

    /// The same resource with the property at `path` (dot-separated below `Properties`) set or removed.
    public func propertyOverride(_ path: String, _ value: Value?) -> Resource {
        override("Properties.\(path)", value)
    }

    /// The same resource with an explicit logical ID instead of the one CDK's algorithm derives.
    public func logicalId(_ logicalId: String) -> Resource {
        with { $0.explicitLogicalId = logicalId }
    }
}
