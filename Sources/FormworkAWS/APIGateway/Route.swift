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

        public static let get = Method(rawValue: "GET")
        public static let post = Method(rawValue: "POST")
        public static let put = Method(rawValue: "PUT")
        public static let patch = Method(rawValue: "PATCH")
        public static let delete = Method(rawValue: "DELETE")
        public static let head = Method(rawValue: "HEAD")
        public static let options = Method(rawValue: "OPTIONS")
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

    public var method: Method
    /// The path, `/` separated, with `{parameter}` and `{proxy+}` segments.
    public var path: String
    public var function: Function
    public var authorization: Authorization
    /// Whether callers need an API key; `nil` leaves `ApiKeyRequired` out, as CDK does when it is not given.
    public var apiKeyRequired: Bool?
    public var integration: Integration
    /// Request parameters API Gateway requires before calling the function, such as `querystring.status`
    /// or `header.X-Request-Id` (REST APIs).
    public var requiredParameters: [String]
    /// Whether API Gateway validates the request body against the method's model (REST APIs).
    public var validateRequestBody: Bool
    /// The schema of the request body, for its content type (REST APIs).
    public var requestModel: ApiModel?

    public init(
        _ method: Method, _ path: String, to function: Function, authorization: Authorization = .none,
        apiKeyRequired: Bool? = nil, integration: Integration = .proxy, requiredParameters: [String] = [],
        validateRequestBody: Bool = false, requestModel: ApiModel? = nil
    ) {
        self.method = method
        self.path = path
        self.function = function
        self.authorization = authorization
        self.apiKeyRequired = apiKeyRequired
        self.integration = integration
        self.requiredParameters = requiredParameters
        self.validateRequestBody = validateRequestBody
        self.requestModel = requestModel
    }

    /// The path's segments, without empty ones.
    var segments: [String] { path.split(separator: "/").map(String.init) }
}

/// Builds the routes of a ``RestApi``.
@resultBuilder
public enum RouteBuilder {
    public static func buildExpression(_ route: Route) -> [Route] { [route] }
    public static func buildBlock(_ components: [Route]...) -> [Route] { components.flatMap { $0 } }
    public static func buildOptional(_ component: [Route]?) -> [Route] { component ?? [] }
    public static func buildEither(first component: [Route]) -> [Route] { component }
    public static func buildEither(second component: [Route]) -> [Route] { component }
    public static func buildArray(_ components: [[Route]]) -> [Route] { components.flatMap { $0 } }
}
