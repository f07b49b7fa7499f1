import FormworkCore
import FormworkL1
import OrderedCollections

/// A Lambda authorizer of a WebSocket API's `$connect` route (CDK's `WebSocketLambdaAuthorizer`), declared
/// in the API at `<Api>/<id>`: the function sees the connection request and answers with an IAM policy.
///
/// ```swift
/// let signedIn = WebSocketAuthorizer("SignedIn", handler: checkToken, identitySource: ["route.request.querystring.token"])
/// WebSocketApi("Live") { WebSocketRoute.connect(to: onConnect, authorization: .lambda(signedIn)) }
/// ```
public struct WebSocketAuthorizer: Sendable {
    /// The authorizer's id in its API.
    public let id: String
    /// The function that answers the connection request with an IAM policy (`AuthorizerUri`); the API also gives API Gateway
    /// a `lambda:InvokeFunction` permission on it, limited to this authorizer.
    public var handler: Function
    /// Where the identity is read; the `Authorization` header unless given, as CDK.
    public var identitySource: [String]
    /// The authorizer's name; its id unless given.
    public var name: String?

    /// An authorizer calling `handler` with the connection request; `identitySource` must name at least one source
    /// (`route.request.header.<name>` or `route.request.querystring.<name>`).
    public init(_ id: String, handler: Function, identitySource: [String] = ["route.request.header.Authorization"], name: String? = nil) {
        self.id = id
        self.handler = handler
        self.identitySource = identitySource
        self.name = name
    }

    /// Declares the authorizer and its invoke permission in `api`'s scope, once; its id.
    func declare(in scope: ConstructScope, api: WebSocketApi) throws(SynthesisError) -> Value {
        let reference = Value.reference(Reference(to: api, element: [id, "Resource"], form: .ref))
        let authorizerScope = try scope.child(id)
        guard try !authorizerScope.child("Resource").hasElement else { return reference }
        guard !identitySource.isEmpty else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "the authorizer '\(id)' needs at least one identity source")
        }
        scope.require(handler)
        try authorizerScope.declareResource(
            CfnApiGatewayV2.Authorizer(
                apiId: api.apiId, authorizerType: "REQUEST", authorizerUri: handler.apiGatewayInvocationUri,
                identitySource: .array(identitySource.map { .string($0) }), name: .string(name ?? id)))
        if handler.createsPermissions(in: scope) {
            try scope.declareResource(
                CfnLambda.Permission(
                    action: "lambda:InvokeFunction", functionName: handler.arn, principal: "apigateway.amazonaws.com",
                    sourceArn: api.executeApiArn("authorizers/\(reference)")),
                at: "\(authorizerScope.uniqueId)-Permission")
        }
        return reference
    }
}
