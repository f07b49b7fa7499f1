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
    /// The model's construct id: it is declared at `<Api>/<id>`, once per API however many routes name it.
    public let id: String
    /// The JSON Schema (draft 4), with JSON Schema's own keys (`$schema`, `type`, `properties`, ...).
    public var schema: Value
    /// The content type the model applies to; `application/json` unless given, as in CDK.
    public var contentType: String
    /// The model's name (`Name`), alphanumeric; `nil` (the default) leaves it out and CloudFormation generates one.
    public var modelName: String?
    /// The model's description (`Description`); none written unless given.
    public var description: String?

    /// A model for request bodies of `contentType` that follow `schema`; name it as a route's `requestModel` to use it.
    public init(_ id: String, schema: Value, contentType: String = "application/json", modelName: String? = nil, description: String? = nil) {
        self.id = id
        self.schema = schema
        self.contentType = contentType
        self.modelName = modelName
        self.description = description
    }
}
