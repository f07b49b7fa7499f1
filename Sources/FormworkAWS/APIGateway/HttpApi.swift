import FormworkCore
import FormworkL1
import FormworkTemplate
import OrderedCollections

/// An HTTP API of API Gateway v2 with Lambda routes (CDK's `apigatewayv2.HttpApi` with
/// `HttpLambdaIntegration`s): the API, its `$default` stage with auto-deploy, one route and invoke permission
/// per route, one integration per route or per ``HttpLambdaIntegration`` that routes share, optional CORS,
/// throttling and a default authorizer with scopes.
///
/// ```swift
/// let orders = HttpLambdaIntegration("OrdersIntegration", handler: ordersFunction)
/// HttpApi("Api", cors: .init(allowOrigins: ["https://shop.example.com"]), defaultAuthorizer: jwt, defaultAuthorizationScopes: ["orders/read"]) {
///     Route(.get, "/orders/{id}", to: orders)
///     Route(.post, "/orders", to: orders, authorization: .http(jwt, scopes: ["orders/write"]))
///     Route(.get, "/health", to: health, authorization: .none)
/// }
/// ```
public struct HttpApi: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The API's name (`Name`); the construct id unless given, as CDK names it.
    public var name: String?
    /// The API's description (`Description`); none written unless given.
    public var description: String?
    /// The browser cross-origin settings API Gateway answers preflight requests with (`CorsConfiguration`); `nil` (the
    /// default) writes none, and API Gateway does not answer preflight requests itself.
    public var cors: Cors?
    /// The steady requests per second the `$default` stage allows for each route (`ThrottlingRateLimit` of its
    /// `DefaultRouteSettings`); `nil` (the default) writes none, leaving the account's limits (10,000 per second by default).
    public var throttlingRateLimit: Double?
    /// The burst of concurrent requests the `$default` stage allows for each route (`ThrottlingBurstLimit` of its
    /// `DefaultRouteSettings`), at least the rate limit when both are given; `nil` (the default) writes none, leaving the
    /// account's limits (5,000 by default).
    public var throttlingBurstLimit: Int?
    /// The authorizer of every route not given an `authorization` of its own (CDK's `defaultAuthorizer`), declared once at
    /// `<Api>/<id>` by the first route that uses it; `nil` (the default) leaves those routes open to anyone (`NONE`). A route
    /// given `.none`, `.iam` or `.http(...)` uses that instead.
    public var defaultAuthorizer: HttpAuthorizer?
    /// The scopes a caller's token needs (`AuthorizationScopes`) on every route that has an authorization — the default
    /// authorizer or one of its own, `.none` and `.iam` included, as CDK writes them — and names no scopes of its own
    /// (`.http(authorizer, scopes: [...])`); a scope listed twice is written once. Empty (the default, as CDK's
    /// `undefined` or `[]`) writes none. A route with no authorization given, in an API without ``defaultAuthorizer``,
    /// gets none.
    public var defaultAuthorizationScopes: [String]
    /// The API's routes, each with its own Lambda permission and `AWS::ApiGatewayV2::Route`, and its own integration unless
    /// it shares an ``HttpLambdaIntegration`` with others; a method and path may have one route.
    public let routes: [Route]

    /// The API's CORS configuration.
    public struct Cors: Sendable {
        /// The origins allowed to call the API (`AllowOrigins`), such as `https://shop.example.com`, or `*` for any.
        public var allowOrigins: [String]
        /// The methods allowed (`AllowMethods`), such as `GET` or `POST`; `*` (any method) unless given.
        public var allowMethods: [String]
        /// The request headers allowed (`AllowHeaders`); none, and the property left out, unless given.
        public var allowHeaders: [String]
        /// How long a browser may cache a preflight answer (`MaxAge`, in whole seconds, up to 86,400); `nil` (the default) writes
        /// none, and browsers use their own default.
        public var maxAge: Duration?

        /// A CORS configuration for `allowOrigins`; allow methods and headers as needed.
        public init(allowOrigins: [String], allowMethods: [String] = ["*"], allowHeaders: [String] = [], maxAge: Duration? = nil) {
            self.allowOrigins = allowOrigins
            self.allowMethods = allowMethods
            self.allowHeaders = allowHeaders
            self.maxAge = maxAge
        }

        var configuration: CfnApiGatewayV2.Api.Cors {
            var configuration = CfnApiGatewayV2.Api.Cors(
                allowMethods: .array(allowMethods.map { .string($0) }), allowOrigins: .array(allowOrigins.map { .string($0) }),
                maxAge: maxAge.map { .number(Double($0.wholeSeconds)) })
            if !allowHeaders.isEmpty { configuration.allowHeaders = .array(allowHeaders.map { .string($0) }) }
            return configuration
        }
    }

    /// An HTTP API with `routes`; the rate and burst limits, when both are given, must allow a burst at least the rate.
    public init(
        _ id: String, name: String? = nil, description: String? = nil, cors: Cors? = nil,
        throttlingRateLimit: Double? = nil, throttlingBurstLimit: Int? = nil, defaultAuthorizer: HttpAuthorizer? = nil,
        defaultAuthorizationScopes: [String] = [], @RouteBuilder routes content: () -> [Route]
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.cors = cors
        self.throttlingRateLimit = throttlingRateLimit
        self.throttlingBurstLimit = throttlingBurstLimit
        self.defaultAuthorizer = defaultAuthorizer
        self.defaultAuthorizationScopes = defaultAuthorizationScopes
        self.routes = content()
    }

    /// `{"Ref": api}`: the API id.
    public var apiId: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The API's endpoint, `https://<id>.execute-api.<region>.<suffix>`.
    public var url: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnApiGatewayV2.Api.Attribute.apiEndpoint.rawValue))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if let rate = throttlingRateLimit, let burst = throttlingBurstLimit, Double(burst) < rate {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "the throttling burst limit (\(burst)) is below the rate limit (\(Int(rate))); a burst must allow at least the rate")
        }
        try scope.declareResource(
            CfnApiGatewayV2.Api(
                corsConfiguration: cors?.configuration, description: description.map { .string($0) }, name: .string(name ?? id), protocolType: "HTTP"))

        try scope.child("DefaultStage").declareResource(
            CfnApiGatewayV2.Stage(
                apiId: apiId, autoDeploy: true,
                defaultRouteSettings: defaultRouteSettings(throttlingRateLimit: throttlingRateLimit, throttlingBurstLimit: throttlingBurstLimit),
                stageName: "$default"))

        var routeKeys = Set<String>()
        var integrations = Integrations()
        for route in routes {
            let routeKey = "\(route.method == .any ? "ANY" : route.method.rawValue) /\(route.segments.joined(separator: "/"))"
            guard routeKeys.insert(routeKey).inserted else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "two routes are '\(routeKey)'; each method and path may have one route")
            }
            try declareRoute(route, key: routeKey, integrations: &integrations, in: scope)
        }
        refuseIntegrationsOfOtherAPIs(integrations.shared, in: scope)
        // CDK's HttpApi has no output; Formwork's defaults add the endpoint, as its RestApi does.
        if scope.defaults.isFormwork { try scope.add(Output("Endpoint", value: url)) }
    }

    /// The integrations an API has declared while declaring its routes.
    private struct Integrations {
        /// The `Ref` of each integration declared, by the integration's identity.
        var references: [ConstructIdentity: Value] = [:]
        /// The integrations routes share (``Route/httpIntegration``), in the order of their first route.
        var shared: [HttpLambdaIntegration] = []
        /// The functions that have their permission for every route of the API (``HttpLambdaIntegration/scopePermissionToRoute``
        /// `false`).
        var functionsPermittedForEveryRoute: Set<ConstructIdentity> = []
    }

    /// `<Api>/<METHOD>--<path>`: the route, the integration it shares (declared under its first route at the id CDK users
    /// give their `HttpLambdaIntegration`; `Integration` for a route's own) and the permission to invoke the function
    /// (`<integration>-Permission`, or one for every route of the API).
    private func declareRoute(_ route: Route, key: String, integrations: inout Integrations, in scope: ConstructScope) throws(SynthesisError) {
        let integration = route.httpIntegration ?? HttpLambdaIntegration.own(invoking: route.function)
        let function = integration.handler
        scope.require(function)
        let routeScope = try scope.child(key.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "/", with: "--"))
        let integrationRef: Value
        if let declared = integrations.references[integration.identity] {
            integrationRef = declared
        } else {
            try routeScope.child(integration.id).declareResource(
                CfnApiGatewayV2.Integration(apiId: apiId, integrationType: "AWS_PROXY", integrationUri: function.arn, payloadFormatVersion: "2.0"))
            integrationRef = .reference(Reference(to: self, element: [routeScope.idInParent, integration.id, "Resource"], form: .ref))
            integrations.references[integration.identity] = integrationRef
            if route.httpIntegration != nil { integrations.shared.append(integration) }
        }
        let path = "/" + route.segments.joined(separator: "/")
        if !function.createsPermissions(in: scope) {
            // An imported function gets no permission unless CDK's `canCreatePermissions` allows it.
        } else if integration.scopePermissionToRoute {
            // CDK lets every stage and method of the path invoke; Formwork's defaults name the method.
            let method = !scope.defaults.isFormwork || route.method == .any ? "*" : route.method.rawValue
            try routeScope.declareResource(
                CfnLambda.Permission(
                    action: "lambda:InvokeFunction", functionName: function.arn, principal: "apigateway.amazonaws.com",
                    sourceArn: "arn:\(scope.arnPartition):execute-api:\(scope.arnRegion):\(Aws.accountId):\(apiId)/*/\(method)\(path)"),
                at: "\(integration.id)-Permission")
        } else if integrations.functionsPermittedForEveryRoute.insert(function.identity).inserted {
            // CDK: one permission per function and API, `ApiPermission.ApiScoped.<function>.<api>` under the first route.
            if let functionScope = try? scope.scope(of: function) {
                try declarePermissionForEveryRoute(of: function, functionUniqueId: functionScope.uniqueId, under: routeScope, apiScope: scope)
            } else {
                // The function is listed after the API: its unique id is known once every construct is in the tree.
                scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
                    try declarePermissionForEveryRoute(
                        of: function, functionUniqueId: scope.scope(of: function).uniqueId, under: routeScope, apiScope: scope)
                }
            }
        }
        let authorization = route.givenAuthorization ?? defaultAuthorizer.map { Route.Authorization.http($0, scopes: []) }
        var properties = CfnApiGatewayV2.Route(
            apiId: apiId, authorizationType: .string(authorization?.typeName ?? "NONE"), routeKey: .string(key),
            target: "integrations/\(integrationRef)")
        if let authorization {
            // CDK: a route with an authorizer (`HttpNoneAuthorizer` and `HttpIamAuthorizer` included) gets its own scopes, or
            // the API's default ones, each once.
            var scopes: [String] = []
            switch authorization {
            case .http(let authorizer, let routeScopes):
                properties.authorizerId = try authorizer.declare(in: scope, api: self)
                scopes = routeScopes
            case .lambda, .cognito:
                throw SynthesisError(.invalidSetting, paths: [routeScope.path], "a REST API authorizer cannot authorize an HTTP API route; use .http(...)")
            case .none, .iam:
                break
            }
            var written: [String] = []
            for name in scopes.isEmpty ? defaultAuthorizationScopes : scopes where !written.contains(name) { written.append(name) }
            properties.authorizationScopes = written.isEmpty ? nil : .array(written.map { .string($0) })
        }
        try routeScope.declareResource(properties)
    }

    /// The permission for API Gateway to invoke `function` from every route of the API (source ARN `<api>/*/*/*`), at
    /// `ApiPermission.ApiScoped.<function>.<api>` under `routeScope`, as CDK's `scopePermissionToRoute: false` declares it.
    private func declarePermissionForEveryRoute(
        of function: Function, functionUniqueId: String, under routeScope: ConstructScope, apiScope: ConstructScope
    ) throws(SynthesisError) {
        try routeScope.declareResource(
            CfnLambda.Permission(
                action: "lambda:InvokeFunction", functionName: function.arn, principal: "apigateway.amazonaws.com",
                sourceArn: "arn:\(routeScope.arnPartition):execute-api:\(routeScope.arnRegion):\(Aws.accountId):\(apiId)/*/*/*"),
            at: "ApiPermission.ApiScoped.\(functionUniqueId).\(apiScope.uniqueId)")
    }

    /// Refuses an integration routes of another API use too, as CDK does ("A single integration cannot be associated with
    /// multiple APIs"): its integration resource names one API.
    private func refuseIntegrationsOfOtherAPIs(_ shared: [HttpLambdaIntegration], in scope: ConstructScope) {
        guard !shared.isEmpty else { return }
        let api = identity
        for integration in shared {
            scope.contribute(HttpLambdaIntegration.Use(integration: integration.identity, api: api), to: integration.handler, as: HttpLambdaIntegration.uses)
        }
        scope.afterExpansion(.finalize) { scope throws(SynthesisError) in
            for integration in shared {
                var apis: Set<ConstructIdentity> = []
                for use in scope.contributions(to: integration.handler, as: HttpLambdaIntegration.uses) where use.integration == integration.identity {
                    apis.insert(use.api)
                }
                guard apis.count == 1 else {
                    throw SynthesisError(
                        .invalidSetting, paths: [scope.path],
                        "the integration '\(integration.id)' is used by routes of \(apis.count) APIs; an integration belongs to one API, so give each API its own"
                    )
                }
            }
        }
    }
}
