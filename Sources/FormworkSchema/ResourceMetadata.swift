/// What Formwork knows of one resource type without its full schema: identifiers, create-only and other
/// property classes, `Fn::GetAtt` attributes, and which changes replace it.
///
/// Generated from the CloudFormation registry schemas and CDK's service database (see Schemas/README.md).
///
/// ```swift
/// let table = ResourceMetadataCatalog.shared["AWS::DynamoDB::Table"]
/// table?.replacement(for: PropertyPath(["KeySchema"]))   // .always
/// ```
public struct ResourceMetadata: Sendable, Hashable {
    /// The type name, `AWS::SQS::Queue`.
    public let typeName: String
    /// The properties that identify a resource of this type.
    public let primaryIdentifier: [PropertyPath]
    /// Properties set only at creation; changing one replaces the resource (registry `createOnlyProperties`).
    public let createOnly: [PropertyPath]
    /// Properties that replace the resource only in some cases (registry `conditionalCreateOnlyProperties`).
    public let conditionalCreateOnly: [PropertyPath]
    /// Properties CloudFormation sets (registry `readOnlyProperties`).
    public let readOnly: [PropertyPath]
    /// Properties CloudFormation never returns (registry `writeOnlyProperties`).
    public let writeOnly: [PropertyPath]
    /// Top-level properties a template must set.
    public let required: [String]
    /// The names `Fn::GetAtt` accepts.
    public let attributes: Set<String>
    /// Paths CDK's database (the older resource specification's `UpdateType: Immutable`) says replace.
    public let specificationReplaces: [PropertyPath]
    /// Paths CDK's database says may replace.
    public let specificationMayReplace: [PropertyPath]
    /// Whether the resource holds data that a replacement loses (tables, buckets, queues, streams, ...).
    public let isStateful: Bool
    /// Whether the type supports tags.
    public let isTaggable: Bool
    /// The names of the type's top-level properties, in schema order.
    public let properties: [String]

    /// The top-level properties CloudFormation sets, which a template must not write.
    public let readOnlyPropertyNames: Set<String>

    /// Metadata with the given classes of properties.
    public init(
        typeName: String, primaryIdentifier: [PropertyPath], createOnly: [PropertyPath],
        conditionalCreateOnly: [PropertyPath], readOnly: [PropertyPath], writeOnly: [PropertyPath],
        required: [String], attributes: Set<String>, specificationReplaces: [PropertyPath],
        specificationMayReplace: [PropertyPath], isStateful: Bool, isTaggable: Bool, properties: [String]
    ) {
        self.typeName = typeName
        self.primaryIdentifier = primaryIdentifier
        self.createOnly = createOnly
        self.conditionalCreateOnly = conditionalCreateOnly
        self.readOnly = readOnly
        self.writeOnly = writeOnly
        self.required = required
        self.attributes = attributes
        self.specificationReplaces = specificationReplaces
        self.specificationMayReplace = specificationMayReplace
        self.isStateful = isStateful
        self.isTaggable = isTaggable
        self.properties = properties
        self.readOnlyPropertyNames = Set(readOnly.filter { $0.components.count == 1 }.map { $0.components[0] })
    }

    /// The replacement verdict of a change at `path`: `always` when a create-only path (from either source)
    /// is `path` or lies above it; `conditional` for a conditional one, or when `path` lies above a
    /// create-only path (whether it replaces depends on what changed below); `never` otherwise.
    public func replacement(for path: PropertyPath) -> ReplacementVerdict {
        let always = createOnly + specificationReplaces
        if always.contains(where: { $0.covers(path) }) { return .always }
        let conditional = conditionalCreateOnly + specificationMayReplace
        if conditional.contains(where: { $0.covers(path) }) { return .conditional }
        if (always + conditional).contains(where: { path.covers($0) }) { return .conditional }
        return .never
    }
}
