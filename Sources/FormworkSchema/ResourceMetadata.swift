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
    /// The fields, in one shared box: validation reads a type's metadata for every resource of the type, and a
    /// copy of fourteen fields cost a reference-count update for each of their references; it now costs one.
    private let fields: Box

    /// The type name, `AWS::SQS::Queue`.
    public var typeName: String { fields.value.typeName }
    /// The properties that identify a resource of this type.
    public var primaryIdentifier: [PropertyPath] { fields.value.primaryIdentifier }
    /// Properties set only at creation; changing one replaces the resource (registry `createOnlyProperties`).
    public var createOnly: [PropertyPath] { fields.value.createOnly }
    /// Properties that replace the resource only in some cases (registry `conditionalCreateOnlyProperties`).
    public var conditionalCreateOnly: [PropertyPath] { fields.value.conditionalCreateOnly }
    /// Properties CloudFormation sets (registry `readOnlyProperties`).
    public var readOnly: [PropertyPath] { fields.value.readOnly }
    /// Properties CloudFormation never returns (registry `writeOnlyProperties`).
    public var writeOnly: [PropertyPath] { fields.value.writeOnly }
    /// Top-level properties a template must set.
    public var required: [String] { fields.value.required }
    /// The names `Fn::GetAtt` accepts.
    public var attributes: Set<String> { fields.value.attributes }
    /// Paths CDK's database (the older resource specification's `UpdateType: Immutable`) says replace.
    public var specificationReplaces: [PropertyPath] { fields.value.specificationReplaces }
    /// Paths CDK's database says may replace.
    public var specificationMayReplace: [PropertyPath] { fields.value.specificationMayReplace }
    /// Whether the resource holds data that a replacement loses (tables, buckets, queues, streams, ...).
    public var isStateful: Bool { fields.value.isStateful }
    /// Whether the type supports tags.
    public var isTaggable: Bool { fields.value.isTaggable }
    /// The names of the type's top-level properties, in schema order.
    public var properties: [String] { fields.value.properties }
    /// The top-level properties CloudFormation sets, which a template must not write.
    public var readOnlyPropertyNames: Set<String> { fields.value.readOnlyPropertyNames }

    /// Metadata with the given classes of properties.
    public init(
        typeName: String, primaryIdentifier: [PropertyPath], createOnly: [PropertyPath],
        conditionalCreateOnly: [PropertyPath], readOnly: [PropertyPath], writeOnly: [PropertyPath],
        required: [String], attributes: Set<String>, specificationReplaces: [PropertyPath],
        specificationMayReplace: [PropertyPath], isStateful: Bool, isTaggable: Bool, properties: [String]
    ) {
        let readOnlyPropertyNames = Set(readOnly.filter { $0.components.count == 1 }.map { $0.components[0] })
        self.fields = Box(
            Fields(
                typeName: typeName, primaryIdentifier: primaryIdentifier, createOnly: createOnly,
                conditionalCreateOnly: conditionalCreateOnly, readOnly: readOnly, writeOnly: writeOnly, required: required,
                attributes: attributes, specificationReplaces: specificationReplaces, specificationMayReplace: specificationMayReplace,
                isStateful: isStateful, isTaggable: isTaggable, properties: properties, readOnlyPropertyNames: readOnlyPropertyNames))
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

    /// Whether the two describe the same type alike: every field equal.
    public static func == (left: ResourceMetadata, right: ResourceMetadata) -> Bool {
        left.fields === right.fields || left.fields.value == right.fields.value
    }

    /// Hashes every field, as equality compares them.
    public func hash(into hasher: inout Hasher) {
        fields.value.hash(into: &hasher)
    }

    /// The metadata's fields.
    private struct Fields: Hashable {
        let typeName: String
        let primaryIdentifier: [PropertyPath]
        let createOnly: [PropertyPath]
        let conditionalCreateOnly: [PropertyPath]
        let readOnly: [PropertyPath]
        let writeOnly: [PropertyPath]
        let required: [String]
        let attributes: Set<String>
        let specificationReplaces: [PropertyPath]
        let specificationMayReplace: [PropertyPath]
        let isStateful: Bool
        let isTaggable: Bool
        let properties: [String]
        let readOnlyPropertyNames: Set<String>
    }

    /// The fields, shared by every copy of the metadata; they never change.
    private final class Box: Sendable {
        let value: Fields

        init(_ value: Fields) {
            self.value = value
        }
    }
}
