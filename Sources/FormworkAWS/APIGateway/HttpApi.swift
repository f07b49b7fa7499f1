import FormworkCore
import FormworkL1
import FormworkTemplate
import OrderedCollections

/// An HTTP API of API Gateway v2 with Lambda routes (CDK's `apigatewayv2.HttpApi` with
/// `HttpLambdaIntegration`s): the API, its `$default` stage with auto-deploy, one route, integration and
/// invoke permission per route, optional CORS and throttling.
///
/// ```swift
/// HttpApi("Api", cors: .init(allowOrigins: ["https://shop.example.com"])) {
///     Route(.get, "/orders/{id}", to: getOrder)
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
    /// The API's routes, each with its own integration, Lambda permission and `AWS::ApiGatewayV2::Route`; a method and path may
    /// have one route.
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
        throttlingRateLimit: Double? = nil, throttlingBurstLimit: Int? = nil, @RouteBuilder routes content: () -> [Route]
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.cors = cors
        self.throttlingRateLimit = throttlingRateLimit
        self.throttlingBurstLimit = throttlingBurstLimit
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
        for route in routes {
            let routeKey = "\(route.method == .any ? "ANY" : route.method.rawValue) /\(route.segments.joined(separator: "/"))"
            guard routeKeys.insert(routeKey).inserted else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "two routes are '\(routeKey)'; each method and path may have one route")
            }
            try declareRoute(route, key: routeKey, in: scope)
        }
        // CDK's HttpApi has no output; Formwork's defaults add the endpoint, as its RestApi does.
        if scope.defaults.isFormwork { try scope.add(Output("Endpoint", value: url)) }
    }

    /// `<Api>/<METHOD>--<path>`: the route, its integration (`Integration`, the id CDK users give their
    /// `HttpLambdaIntegration`) and the permission to invoke the function (`Integration-Permission`).
    private func declareRoute(_ route: Route, key: String, in scope: ConstructScope) throws(SynthesisError) {
        scope.require(route.function)
        let routeScope = try scope.child(key.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "/", with: "--"))
        let integration = try routeScope.child("Integration")
        try integration.declareResource(
            CfnApiGatewayV2.Integration(apiId: apiId, integrationType: "AWS_PROXY", integrationUri: route.function.arn, payloadFormatVersion: "2.0"))
        let integrationRef = Value.reference(Reference(to: self, element: [routeScope.idInParent, "Integration", "Resource"], form: .ref))
        // CDK lets every stage and method of the path invoke; Formwork's defaults name the method.
        let path = "/" + route.segments.joined(separator: "/")
        let method = !scope.defaults.isFormwork || route.method == .any ? "*" : route.method.rawValue
        try routeScope.declareResource(
            CfnLambda.Permission(
                action: "lambda:InvokeFunction", functionName: route.function.arn, principal: "apigateway.amazonaws.com",
                sourceArn: "arn:\(Aws.partition):execute-api:\(Aws.region):\(Aws.accountId):\(apiId)/*/\(method)\(path)"),
            at: "Integration-Permission")
        var properties = CfnApiGatewayV2.Route(
            apiId: apiId, authorizationType: .string(route.authorization.typeName), routeKey: .string(key), target: "integrations/\(integrationRef)")
        switch route.authorization {
        case .http(let authorizer, let scopes):
            properties.authorizationScopes = scopes.isEmpty ? nil : .array(scopes.map { .string($0) })
            properties.authorizerId = try authorizer.declare(in: scope, api: self)
        case .lambda, .cognito:
            throw SynthesisError(.invalidSetting, paths: [routeScope.path], "a REST API authorizer cannot authorize an HTTP API route; use .http(...)")
        case .none, .iam:
            break
        }
        try routeScope.declareResource(properties)
    }
}
