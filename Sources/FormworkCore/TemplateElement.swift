import FormworkTemplate
import OrderedCollections

/// Something a construct contributes to its stack's template, at its node in the construct tree.
///
/// The node's path gives the element its logical ID, exactly as CDK derives it.
public enum TemplateElement: Sendable {
    /// An entry of `Resources`.
    case resource(ResourceDeclaration)
    /// An entry of `Outputs`, exported when another stack references it.
    case output(OutputDeclaration)
    /// An entry of `Parameters`.
    case parameter(Template.Parameter)
    /// An entry of `Conditions`: its Boolean expression (`Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`).
    case condition(Value)
    /// An entry of `Mappings`: its two-level table, top-level keys to second-level keys to values.
    case mapping(JSONValue)
}

/// A resource before references are resolved: what a construct declares for one `Resources` entry.
public struct ResourceDeclaration: Sendable {
    /// `Type`.
    public var type: String
    /// `Properties`, written in this order.
    public var properties: OrderedDictionary<String, Value>
    /// Constructs this resource waits for. Those its properties already reference are left out of
    /// `DependsOn`: CloudFormation orders them anyway.
    public var dependencies: [Dependency]
    /// A reference to the ``Condition`` that decides whether the resource is created.
    public var condition: Reference?
    /// `UpdateReplacePolicy` and `DeletionPolicy`.
    public var removalPolicy: RemovalPolicy?
    /// `UpdatePolicy`.
    public var updatePolicy: Value?
    /// `CreationPolicy`.
    public var creationPolicy: Value?
    /// `Metadata`.
    public var metadata: Value?
    /// Raw changes applied last, after everything else, as CDK's `addOverride` does.
    public var overrides: [ResourceOverride]
    /// Content hashed into the logical ID, appended to the one the path gives (an API Gateway deployment's).
    public var logicalIdDigest: LogicalIdDigest?
    /// Changes to the resolved `Properties`, applied in order once every reference is resolved and before
    /// ``overrides`` (CDK's post-processing of resolved values, such as an IAM policy sorted by its text).
    public var resolvedTransforms: [any ResolvedPropertiesTransform] = []
    /// The tags ``Tag``s set, with their priorities; `nil` until a tag touches the resource.
    var tagState: TagState?

    /// A resource of `type` with `properties`.
    public init(
        type: String,
        properties: OrderedDictionary<String, Value> = [:],
        dependencies: [Dependency] = [],
        condition: Reference? = nil,
        removalPolicy: RemovalPolicy? = nil,
        updatePolicy: Value? = nil,
        creationPolicy: Value? = nil,
        metadata: Value? = nil,
        overrides: [ResourceOverride] = [],
        logicalIdDigest: LogicalIdDigest? = nil
    ) {
        self.type = type
        self.properties = properties
        self.dependencies = dependencies
        self.condition = condition
        self.removalPolicy = removalPolicy
        self.updatePolicy = updatePolicy
        self.creationPolicy = creationPolicy
        self.metadata = metadata
        self.overrides = overrides
        self.logicalIdDigest = logicalIdDigest
    }
}

/// An output before references are resolved.
public struct OutputDeclaration: Sendable {
    /// `Value`.
    public var value: Value
    /// `Description`.
    public var description: String?
    /// `Export.Name`.
    public var exportName: Value?
    /// A reference to the ``Condition`` that decides whether the output exists.
    public var condition: Reference?

    /// An output of `value`.
    public init(value: Value, description: String? = nil, exportName: Value? = nil, condition: Reference? = nil) {
        self.value = value
        self.description = description
        self.exportName = exportName
        self.condition = condition
    }
}

/// What happens to a resource's physical resource when CloudFormation deletes or replaces it.
public enum RemovalPolicy: Sendable, Hashable {
    /// Delete it (`Delete`/`Delete`).
    case destroy
    /// Keep it (`Retain`/`Retain`).
    case retain
    /// Keep it, unless the stack fails while creating it (`RetainExceptOnCreate` / `Retain`).
    case retainOnUpdateOrDelete
    /// Keep a snapshot (`Snapshot`/`Snapshot`).
    case snapshot

    /// `(UpdateReplacePolicy, DeletionPolicy)`.
    var policies: (updateReplace: String, deletion: String) {
        switch self {
        case .destroy: ("Delete", "Delete")
        case .retain: ("Retain", "Retain")
        case .retainOnUpdateOrDelete: ("Retain", "RetainExceptOnCreate")
        case .snapshot: ("Snapshot", "Snapshot")
        }
    }
}

/// A raw change to a synthesized resource entry, like CDK's `addOverride`.
///
/// The path is relative to the resource entry: `["Properties", "VisibilityTimeout"]`, or
/// `["UpdateReplacePolicy"]`. A `nil` value removes the key.
public struct ResourceOverride: Sendable {
    /// Keys from the resource entry down to the value changed.
    public var path: [String]
    /// The new value, or `nil` to remove the key.
    public var value: Value?

    /// A change of the value at `path` (dot-separated, as in CDK: `"Properties.Tags"`) to `value`.
    public init(_ path: String, _ value: Value?) {
        self.path = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        self.value = value
    }
}

/// A change to a resource's `Properties` made after every reference in them is resolved: what depends on the
/// resolved text (CDK sorts a minimized IAM policy's actions and resources by their JSON).
public protocol ResolvedPropertiesTransform: Sendable {
    /// `properties` changed.
    func transform(_ properties: OrderedDictionary<String, JSONValue>) -> OrderedDictionary<String, JSONValue>
}
