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
    public var typeName: String
    /// The properties that identify a resource of this type.
    public var primaryIdentifier: [PropertyPath]
    /// Properties set only at creation; changing one replaces the resource (registry `createOnlyProperties`).
    public var createOnly: [PropertyPath]
    /// Properties that replace the resource only in some cases (registry `conditionalCreateOnlyProperties`).
    public var conditionalCreateOnly: [PropertyPath]
    /// Properties CloudFormation sets (registry `readOnlyProperties`).
    public var readOnly: [PropertyPath]
    /// Properties CloudFormation never returns (registry `writeOnlyProperties`).
    public var writeOnly: [PropertyPath]
    /// Top-level properties a template must set.
    public var required: [String]
    /// The names `Fn::GetAtt` accepts.
    public var attributes: Set<String>
    /// Paths CDK's database (the older resource specification's `UpdateType: Immutable`) says replace.
    public var specificationReplaces: [PropertyPath]
    /// Paths CDK's database says may replace.
    public var specificationMayReplace: [PropertyPath]
    /// Whether the resource holds data that a replacement loses (tables, buckets, queues, streams, ...).
    public var isStateful: Bool
    /// Whether the type supports tags.
    public var isTaggable: Bool
    /// The names of the type's top-level properties, in schema order.
    public var properties: [String]

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
