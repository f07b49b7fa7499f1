import FormworkCore
import FormworkL1
import FormworkTemplate
import OrderedCollections

/// A schema registry and the schemas of the events an app publishes (`AWS::EventSchemas`), so that
/// consumers can discover them and generate code bindings.
///
/// ```swift
/// EventSchemaRegistry("Events", name: "orders") {
///     EventSchema("OrderPlaced", type: .jsonSchemaDraft4, content: orderPlacedSchema)
/// }
/// ```
public struct EventSchemaRegistry: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The registry's name (`RegistryName`), unique in the account and Region.
    public var name: String
    /// The registry's description (`Description`); none written unless given.
    public var description: String?
    /// The schemas the registry holds, each an `AWS::EventSchemas::Schema` at `<Registry>/<schema id>`.
    public let schemas: [EventSchema]

    /// A registry `name` holding `schemas`.
    public init(_ id: String, name: String, description: String? = nil, schemas: [EventSchema]) {
        self.id = id
        self.name = name
        self.description = description
        self.schemas = schemas
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try scope.declareResource(CfnEventSchemas.Registry(description: description.map { .string($0) }, registryName: .string(name)))
        let registryName = Value.reference(
            Reference(to: self, element: ["Resource"], form: .getAtt(CfnEventSchemas.Registry.Attribute.registryName.rawValue)))
        for schema in schemas {
            guard case .object = schema.content else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "the schema '\(schema.id)' must be a JSON object")
            }
            guard let json = schema.content.json else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "the schema '\(schema.id)' cannot reference other resources")
            }
            let schemaProperties = CfnEventSchemas.Schema(
                content: .string(JSONWriter(style: .compact).string(from: json)),
                registryName: registryName,
                schemaName: schema.name.map { .string($0) },
                type: .string(schema.type.rawValue))
            try scope.child(schema.id).declareResource(schemaProperties)
        }
    }
}

/// One event schema of a registry: an OpenAPI 3 or JSON Schema (draft 4) document.
public struct EventSchema: Sendable {
    /// The document's kind.
    public enum SchemaType: String, Sendable {
        /// `OpenApi3`: an OpenAPI 3.0 document.
        case openAPI3 = "OpenApi3"
        /// `JSONSchemaDraft4`: a JSON Schema (draft 4) document.
        case jsonSchemaDraft4 = "JSONSchemaDraft4"
    }

    /// The schema's construct id under its registry.
    public let id: String
    /// The schema's name (`SchemaName`); `nil` (the default) leaves it out and CloudFormation generates one.
    public var name: String?
    /// The kind of document ``content`` is (`Type`).
    public var type: SchemaType
    /// The schema document, a JSON object without references to other resources; written as compact JSON text (`Content`).
    public var content: Value

    /// A schema of `type` with the document `content`.
    public init(_ id: String, name: String? = nil, type: SchemaType, content: Value) {
        self.id = id
        self.name = name
        self.type = type
        self.content = content
    }
}
