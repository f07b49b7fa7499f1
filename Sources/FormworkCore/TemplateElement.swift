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
///
/// Its fields live in one copy-on-write box, as ``Template/Resource``'s do: declarations are copied out of the
/// construct tree by each step that reads them, and a copy of a dozen fields cost a reference-count update for
/// each of their references; it now costs one.
public struct ResourceDeclaration: Sendable {
    private var box: Box

    /// `Type`.
    public var type: String {
        get { box.fields.type }
        _modify { yield &uniqueBox.fields.type }
    }
    /// `Properties`, written in this order.
    public var properties: OrderedDictionary<String, Value> {
        get { box.fields.properties }
        _modify { yield &uniqueBox.fields.properties }
    }
    /// Constructs this resource waits for. Those its properties already reference are left out of
    /// `DependsOn`: CloudFormation orders them anyway.
    public var dependencies: [Dependency] {
        get { box.fields.dependencies }
        _modify { yield &uniqueBox.fields.dependencies }
    }
    /// A reference to the ``Condition`` that decides whether the resource is created.
    public var condition: Reference? {
        get { box.fields.condition }
        _modify { yield &uniqueBox.fields.condition }
    }
    /// `UpdateReplacePolicy` and `DeletionPolicy`.
    public var removalPolicy: RemovalPolicy? {
        get { box.fields.removalPolicy }
        _modify { yield &uniqueBox.fields.removalPolicy }
    }
    /// `UpdatePolicy`.
    public var updatePolicy: Value? {
        get { box.fields.updatePolicy }
        _modify { yield &uniqueBox.fields.updatePolicy }
    }
    /// `CreationPolicy`.
    public var creationPolicy: Value? {
        get { box.fields.creationPolicy }
        _modify { yield &uniqueBox.fields.creationPolicy }
    }
    /// `Metadata`.
    public var metadata: Value? {
        get { box.fields.metadata }
        _modify { yield &uniqueBox.fields.metadata }
    }
    /// Raw changes applied last, after everything else, as CDK's `addOverride` does.
    public var overrides: [ResourceOverride] {
        get { box.fields.overrides }
        _modify { yield &uniqueBox.fields.overrides }
    }
    /// Content hashed into the logical ID, appended to the one the path gives (an API Gateway deployment's).
    public var logicalIdDigest: LogicalIdDigest? {
        get { box.fields.logicalIdDigest }
        _modify { yield &uniqueBox.fields.logicalIdDigest }
    }
    /// Changes to the resolved `Properties`, applied in order once every reference is resolved and before
    /// ``overrides`` (CDK's post-processing of resolved values, such as an IAM policy sorted by its text).
    public var resolvedTransforms: [any ResolvedPropertiesTransform] {
        get { box.fields.resolvedTransforms }
        _modify { yield &uniqueBox.fields.resolvedTransforms }
    }
    /// The tags ``Tag``s set, with their priorities; `nil` until a tag touches the resource.
    var tagState: TagState? {
        get { box.fields.tagState }
        _modify { yield &uniqueBox.fields.tagState }
    }

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
        box = Box(
            Fields(
                type: type, properties: properties, dependencies: dependencies, condition: condition, removalPolicy: removalPolicy,
                updatePolicy: updatePolicy, creationPolicy: creationPolicy, metadata: metadata, overrides: overrides,
                logicalIdDigest: logicalIdDigest))
    }

    /// The box, copied first when another declaration shares it.
    private var uniqueBox: Box {
        mutating get {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            return box
        }
    }

    /// A declaration's fields.
    private struct Fields {
        var type: String
        var properties: OrderedDictionary<String, Value>
        var dependencies: [Dependency]
        var condition: Reference?
        var removalPolicy: RemovalPolicy?
        var updatePolicy: Value?
        var creationPolicy: Value?
        var metadata: Value?
        var overrides: [ResourceOverride]
        var logicalIdDigest: LogicalIdDigest?
        var resolvedTransforms: [any ResolvedPropertiesTransform] = []
        var tagState: TagState?
    }

    /// The fields, shared by copies of a declaration until one of them changes. Only a declaration holding the
    /// sole reference to a box changes it (`uniqueBox`), so no two accesses to the fields can overlap and the
    /// run-time exclusivity check is left out.
    private final class Box: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
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
