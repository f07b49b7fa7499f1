import FormworkCore
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
    public var name: String
    public var description: String?
    public let schemas: [EventSchema]

    public init(_ id: String, name: String, description: String? = nil, schemas: [EventSchema]) {
        self.id = id
        self.name = name
        self.description = description
        self.schemas = schemas
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        var properties = OrderedDictionary<String, Value>()
        properties["Description"] = description.map { .string($0) }
        properties["RegistryName"] = .string(name)
        try scope.declareResource("AWS::EventSchemas::Registry", properties: properties)
        let registryName = Value.reference(Reference(to: self, element: ["Resource"], form: .getAtt("RegistryName")))
        for schema in schemas {
            guard case .object = schema.content else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "the schema '\(schema.id)' must be a JSON object")
            }
            guard let json = schema.content.json else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "the schema '\(schema.id)' cannot reference other resources")
            }
            var schemaProperties = OrderedDictionary<String, Value>()
            schemaProperties["Content"] = .string(JSONWriter(style: .compact).string(from: json))
            schemaProperties["RegistryName"] = registryName
            schemaProperties["SchemaName"] = schema.name.map { .string($0) }
            schemaProperties["Type"] = .string(schema.type.rawValue)
            try scope.child(schema.id).declareResource("AWS::EventSchemas::Schema", properties: schemaProperties)
        }
    }
}

/// One event schema of a registry: an OpenAPI 3 or JSON Schema (draft 4) document.
public struct EventSchema: Sendable {
    /// The document's kind.
    public enum SchemaType: String, Sendable {
        case openAPI3 = "OpenApi3"
        case jsonSchemaDraft4 = "JSONSchemaDraft4"
    }

    public let id: String
    public var name: String?
    public var type: SchemaType
    public var content: Value

    public init(_ id: String, name: String? = nil, type: SchemaType, content: Value) {
        self.id = id
        self.name = name
        self.type = type
        self.content = content
    }
}
