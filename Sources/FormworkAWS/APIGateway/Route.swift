import FormworkCore

/// One method of a REST API: an HTTP method on a path, integrated with a function through Lambda proxy.
///
/// ```swift
/// Route(.get, "/orders/{id}", to: getOrder)
/// ```
public struct Route: Sendable {
    /// An HTTP method, or `ANY`.
    public struct Method: Sendable, Hashable, RawRepresentable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// `GET`.
        public static let get = Method(rawValue: "GET")
        /// `POST`.
        public static let post = Method(rawValue: "POST")
        /// `PUT`.
        public static let put = Method(rawValue: "PUT")
        /// `PATCH`.
        public static let patch = Method(rawValue: "PATCH")
        /// `DELETE`.
        public static let delete = Method(rawValue: "DELETE")
        /// `HEAD`.
        public static let head = Method(rawValue: "HEAD")
        /// `OPTIONS`; a REST API with ``RestApi/cors`` answers it itself, and refuses a route for it.
        public static let options = Method(rawValue: "OPTIONS")
        /// `ANY`: every method of the path (the route key `ANY /path` in an HTTP API).
        public static let any = Method(rawValue: "ANY")
    }

    /// Who may call a route.
    public enum Authorization: Sendable {
        /// Anyone (`NONE`).
        case none
        /// Callers signing with IAM credentials allowed `execute-api:Invoke` (`AWS_IAM`).
        case iam
        /// Callers a function authorizes (`CUSTOM`).
        case lambda(LambdaAuthorizer)
        /// Users of Cognito user pools (`COGNITO_USER_POOLS`), with the OAuth scopes their access token needs.
        case cognito(CognitoAuthorizer, scopes: [String] = [])
        /// An HTTP API authorizer (`JWT` or `CUSTOM`), with the scopes a JWT needs (HTTP APIs).
        case http(HttpAuthorizer, scopes: [String] = [])

        /// The method's `AuthorizationType`.
        var typeName: String {
            switch self {
            case .none: "NONE"
            case .iam: "AWS_IAM"
            case .lambda: "CUSTOM"
            case .cognito: "COGNITO_USER_POOLS"
            case .http(let authorizer, _): authorizer.typeName
            }
        }
    }

    /// How a REST API passes requests to the function.
    public enum Integration: Sendable, Equatable {
        /// Lambda proxy: the function receives the whole request and returns the whole response.
        case proxy
        /// A plain Lambda integration: the function receives the body; each listed status code is passed
        /// back with the function's result as the response.
        case lambda(statusCodes: [String])
    }

    /// The HTTP method the route answers (`HttpMethod` of a REST API method, the first word of an HTTP API's `RouteKey`).
    public var method: Method
    /// The path, `/` separated, with `{parameter}` and `{proxy+}` segments.
    public var path: String
    /// The function the route's integration invokes; the API gives API Gateway `lambda:InvokeFunction` on it for the route.
    public var function: Function
    /// The named integration the route shares with other routes of its HTTP API (CDK's `HttpLambdaIntegration` given to
    /// several `addRoutes`), whose handler is ``function``; `nil` (the default) gives the route an integration of its own,
    /// named `Integration`, as a new `HttpLambdaIntegration("Integration", fn)` per route does in CDK. HTTP APIs only: a
    /// REST API integrates each method with ``function`` itself.
    public var httpIntegration: HttpLambdaIntegration?
    /// Who may call the route (`AuthorizationType`, and the authorizer and scopes it names); anyone (`NONE`) unless given,
    /// or, in an HTTP API, the API's ``HttpApi/defaultAuthorizer`` when it has one. Setting it, even to `.none`, overrides
    /// that default, as CDK's `HttpNoneAuthorizer` does.
    public var authorization: Authorization {
        get { givenAuthorization ?? .none }
        set { givenAuthorization = newValue }
    }
    /// The authorization the route was given; `nil` when none was, so that an HTTP API's default applies.
    var givenAuthorization: Authorization?
    /// Whether callers need an API key; `nil` leaves `ApiKeyRequired` out, as CDK does when it is not given.
    public var apiKeyRequired: Bool?
    /// How a REST API passes requests to the function (`Type` of the method's `Integration`); Lambda proxy (`AWS_PROXY`)
    /// unless given. HTTP API routes always use Lambda proxy, payload format 2.0.
    public var integration: Integration
    /// Request parameters API Gateway requires before calling the function, such as `querystring.status`
    /// or `header.X-Request-Id` (REST APIs).
    public var requiredParameters: [String]
    /// Whether API Gateway checks the request's parameters before calling the function (a request validator with
    /// `ValidateRequestParameters`, REST APIs); `nil` (the default): under Formwork's defaults, yes when
    /// ``requiredParameters`` names any; under CDK's, no, as CDK adds no validator of its own (the parameters are
    /// then only declared, not enforced).
    public var validateRequestParameters: Bool?
    /// Whether API Gateway validates the request body against the method's model (REST APIs).
    public var validateRequestBody: Bool
    /// The schema of the request body, for its content type (REST APIs).
    public var requestModel: ApiModel?

    /// A route answering `method` on `path` with `function`, through Lambda proxy, authorized by `authorization`.
    public init(
        _ method: Method, _ path: String, to function: Function, authorization: Authorization,
        apiKeyRequired: Bool? = nil, integration: Integration = .proxy, requiredParameters: [String] = [],
        validateRequestParameters: Bool? = nil, validateRequestBody: Bool = false, requestModel: ApiModel? = nil
    ) {
        self.init(
            method, path, to: function, apiKeyRequired: apiKeyRequired, integration: integration, requiredParameters: requiredParameters,
            validateRequestParameters: validateRequestParameters, validateRequestBody: validateRequestBody, requestModel: requestModel)
        self.givenAuthorization = authorization
    }

    /// A route answering `method` on `path` with `function`, through Lambda proxy and open to anyone unless told otherwise (in
    /// an HTTP API with a ``HttpApi/defaultAuthorizer``, authorized by it).
    public init(
        _ method: Method, _ path: String, to function: Function,
        apiKeyRequired: Bool? = nil, integration: Integration = .proxy, requiredParameters: [String] = [],
        validateRequestParameters: Bool? = nil, validateRequestBody: Bool = false, requestModel: ApiModel? = nil
    ) {
        self.method = method
        self.path = path
        self.function = function
        self.httpIntegration = nil
        self.givenAuthorization = nil
        self.apiKeyRequired = apiKeyRequired
        self.integration = integration
        self.requiredParameters = requiredParameters
        self.validateRequestParameters = validateRequestParameters
        self.validateRequestBody = validateRequestBody
        self.requestModel = requestModel
    }

    /// A route of an HTTP API answering `method` on `path` with the shared `integration` (CDK's `addRoutes` with an
    /// `HttpLambdaIntegration`), open to anyone unless the API has a ``HttpApi/defaultAuthorizer``.
    public init(_ method: Method, _ path: String, to integration: HttpLambdaIntegration) {
        self.init(method, path, to: integration.handler)
        self.httpIntegration = integration
    }

    /// A route of an HTTP API answering `method` on `path` with the shared `integration`, authorized by `authorization`
    /// (`.none` for anyone, whatever the API's default).
    public init(_ method: Method, _ path: String, to integration: HttpLambdaIntegration, authorization: Authorization) {
        self.init(method, path, to: integration.handler, authorization: authorization)
        self.httpIntegration = integration
    }

    /// The path's segments, without empty ones.
    var segments: [String] { path.split(separator: "/").map(String.init) }
}

/// Builds the routes of a ``RestApi``.
@resultBuilder
public enum RouteBuilder {
    /// One route, as a list.
    public static func buildExpression(_ route: Route) -> [Route] { [route] }
    /// The routes of a body's statements, in order.
    public static func buildBlock(_ components: [Route]...) -> [Route] { components.flatMap { $0 } }
    /// The routes of an `if` without `else`; none when its condition is false.
    public static func buildOptional(_ component: [Route]?) -> [Route] { component ?? [] }
    /// The routes of the `if` branch taken.
    public static func buildEither(first component: [Route]) -> [Route] { component }
    /// The routes of the `else` branch taken.
    public static func buildEither(second component: [Route]) -> [Route] { component }
    /// The routes of a `for` loop's iterations, in order.
    public static func buildArray(_ components: [[Route]]) -> [Route] { components.flatMap { $0 } }
}
