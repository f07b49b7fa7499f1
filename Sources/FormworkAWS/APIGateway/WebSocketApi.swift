import FormworkCore
import FormworkL1
import OrderedCollections

/// A WebSocket API of API Gateway v2 with Lambda routes (CDK's `apigatewayv2.WebSocketApi` with
/// `WebSocketLambdaIntegration`s), for pushing events to connected clients. Deploy it with a
/// ``WebSocketStage``; functions that post to connections need ``grantManageConnections(to:)``.
///
/// ```swift
/// let api = WebSocketApi("Live") {
///     WebSocketRoute.connect(to: onConnect)
///     WebSocketRoute.disconnect(to: onDisconnect)
///     WebSocketRoute("subscribe", to: onSubscribe)
/// }
/// api
/// WebSocketStage("Prod", api: api, stageName: "prod", autoDeploy: true)
/// ```
public struct WebSocketApi: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The API's name; the construct id when `nil`, as CDK names it.
    public var name: String?
    /// The API's description (`Description`); none written unless given.
    public var description: String?
    /// Where in a message the route key is; `$request.body.action` when `nil`, as CDK sets it.
    public var routeSelectionExpression: String?
    /// The API's routes, each with its own integration, Lambda permission and `AWS::ApiGatewayV2::Route`; a key (1 to 128
    /// characters) may have one route. None unless given.
    public let routes: [WebSocketRoute]

    /// A WebSocket API with `routes`; it serves clients once a ``WebSocketStage`` deploys it.
    public init(
        _ id: String, name: String? = nil, description: String? = nil, routeSelectionExpression: String? = nil,
        @WebSocketRouteBuilder routes content: () -> [WebSocketRoute] = { [] }
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.routeSelectionExpression = routeSelectionExpression
        self.routes = content()
    }

    /// `{"Ref": api}`: the API id.
    public var apiId: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The API's endpoint, `wss://<id>.execute-api.<region>.<suffix>`.
    public var url: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnApiGatewayV2.Api.Attribute.apiEndpoint.rawValue))) }

    /// `arn:<partition>:execute-api:<region>:<account>:<api id>/<path>`.
    func executeApiArn(_ path: Value) -> Value {
        "arn:\(Aws.partition):execute-api:\(Aws.region):\(Aws.accountId):\(apiId)/\(path)"
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try scope.declareResource(
            CfnApiGatewayV2.Api(
                description: description.map { .string($0) }, name: .string(name ?? id), protocolType: "WEBSOCKET",
                routeSelectionExpression: .string(routeSelectionExpression ?? "$request.body.action")))

        var routeKeys = Set<String>()
        for route in routes {
            guard !route.routeKey.isEmpty, route.routeKey.count <= 128 else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "a route key must be 1 to 128 characters")
            }
            guard routeKeys.insert(route.routeKey).inserted else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "two routes are '\(route.routeKey)'; each key may have one route")
            }
            try declareRoute(route, in: scope)
        }
    }

    /// `<Api>/<key>-Route`: the route, its integration and the permission to invoke the function
    /// (`<integration id>-Permission`), and the route response when the function answers the client.
    private func declareRoute(_ route: WebSocketRoute, in scope: ConstructScope) throws(SynthesisError) {
        scope.require(route.function)
        let routeScope = try scope.child("\(route.routeKey)-Route")
        try routeScope.child(route.integrationId).declareResource(
            CfnApiGatewayV2.Integration(apiId: apiId, integrationType: "AWS_PROXY", integrationUri: route.function.apiGatewayInvocationUri))
        if route.function.createsPermissions(in: routeScope) {
            try routeScope.declareResource(
                CfnLambda.Permission(
                    action: "lambda:InvokeFunction", functionName: route.function.arn, principal: "apigateway.amazonaws.com",
                    sourceArn: executeApiArn("*\(route.routeKey)")),
                at: "\(route.integrationId)-Permission")
        }
        let integrationRef = Value.reference(Reference(to: self, element: [routeScope.idInParent, route.integrationId, "Resource"], form: .ref))
        var properties = CfnApiGatewayV2.Route(
            apiId: apiId, authorizationType: .string(route.authorization.typeName), routeKey: .string(route.routeKey),
            target: "integrations/\(integrationRef)")
        if case .none = route.authorization {
        } else if route.routeKey != "$connect" {
            throw SynthesisError(.invalidSetting, paths: [routeScope.path], "only the $connect route can be authorized; '\(route.routeKey)' cannot")
        }
        if case .lambda(let authorizer) = route.authorization {
            properties.authorizerId = try authorizer.declare(in: scope, api: self)
        }
        properties.routeResponseSelectionExpression = route.returnResponse ? "$default" : nil
        try routeScope.declareResource(properties)
        if route.returnResponse {
            let routeRef = Value.reference(Reference(to: self, element: [routeScope.idInParent, "Resource"], form: .ref))
            try routeScope.declareResource(
                CfnApiGatewayV2.RouteResponse(apiId: apiId, routeId: routeRef, routeResponseKey: "$default"), at: "Response")
        }
    }
}

extension WebSocketApi {
    /// A grant to post to, read and close the API's connections (`execute-api:ManageConnections` on every
    /// stage's `@connections`), for `principal`'s role; list the result in a body.
    public func grantManageConnections(to principal: some GrantPrincipal) -> Grant {
        Grant.statements(
            [PolicyStatement(actions: ["execute-api:ManageConnections"], resources: [executeApiArn("*/*/@connections/*")])],
            on: self, to: principal)
    }
}
