import FormworkCore

/// The JSON Schema a REST API method's request body follows (CDK's `apigateway.Model`), declared at
/// `<Api>/<id>` by the API whose routes use it. With `validateRequestBody: true` on the route, API Gateway
/// refuses a body that does not match before the function runs.
///
/// ```swift
/// let order = ApiModel("OrderModel", schema: [
///     "$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
///     "required": ["sku"], "properties": ["sku": ["type": "string"]],
/// ])
/// Route(.post, "/orders", to: createOrder, validateRequestBody: true, requestModel: order)
/// ```
public struct ApiModel: Sendable {
    public let id: String
    /// The JSON Schema (draft 4), with JSON Schema's own keys (`$schema`, `type`, `properties`, ...).
    public var schema: Value
    /// The content type the model applies to; `application/json` unless given, as in CDK.
    public var contentType: String
    public var modelName: String?
    public var description: String?

    public init(_ id: String, schema: Value, contentType: String = "application/json", modelName: String? = nil, description: String? = nil) {
        self.id = id
        self.schema = schema
        self.contentType = contentType
        self.modelName = modelName
        self.description = description
    }
}
