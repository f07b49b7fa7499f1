import FormworkCore

/// A route of a ``WebSocketApi`` to a function (CDK's `addRoute` with a `WebSocketLambdaIntegration`):
/// `$connect`, `$disconnect`, `$default`, or a custom key matched by the API's route selection expression.
public struct WebSocketRoute: Sendable {
    /// The route key, such as `$connect` or `sendMessage`.
    public var routeKey: String
    /// The function the route's integration invokes (Lambda proxy); the API gives API Gateway `lambda:InvokeFunction` on it for
    /// the route's key.
    public var function: Function
    /// The id of the integration, as CDK users name their `WebSocketLambdaIntegration`.
    public var integrationId: String
    /// Whether the function's answer is sent back to the client (a `$default` route response).
    public var returnResponse: Bool
    /// Who may connect; only the `$connect` route can be authorized.
    public var authorization: Authorization

    /// Who may use a route.
    public enum Authorization: Sendable {
        /// Anyone may connect (`NONE`).
        case none
        /// Callers sign the connection request with IAM credentials (`AWS_IAM`).
        case iam
        /// A function decides (`CUSTOM`).
        case lambda(WebSocketAuthorizer)

        var typeName: String {
            switch self {
            case .none: "NONE"
            case .iam: "AWS_IAM"
            case .lambda: "CUSTOM"
            }
        }
    }

    /// A route for `routeKey` (1 to 128 characters) to `function`, open to anyone and not answering the client unless told;
    /// only a `$connect` route may be authorized.
    public init(
        _ routeKey: String, to function: Function, integrationId: String = "Integration", returnResponse: Bool = false,
        authorization: Authorization = .none
    ) {
        self.routeKey = routeKey
        self.function = function
        self.integrationId = integrationId
        self.returnResponse = returnResponse
        self.authorization = authorization
    }

    /// The client opened a connection; the one route that can be authorized.
    public static func connect(
        to function: Function, integrationId: String = "Integration", returnResponse: Bool = false,
        authorization: Authorization = .none
    ) -> WebSocketRoute {
        WebSocketRoute("$connect", to: function, integrationId: integrationId, returnResponse: returnResponse, authorization: authorization)
    }

    /// The connection was closed.
    public static func disconnect(to function: Function, integrationId: String = "Integration") -> WebSocketRoute {
        WebSocketRoute("$disconnect", to: function, integrationId: integrationId)
    }

    /// A message no other route matched.
    public static func `default`(to function: Function, integrationId: String = "Integration", returnResponse: Bool = false) -> WebSocketRoute {
        WebSocketRoute("$default", to: function, integrationId: integrationId, returnResponse: returnResponse)
    }
}

/// Collects the routes of a ``WebSocketApi``.
@resultBuilder
public enum WebSocketRouteBuilder {
    /// One route, as a list.
    public static func buildExpression(_ route: WebSocketRoute) -> [WebSocketRoute] { [route] }
    /// The routes of a body's statements, in order.
    public static func buildBlock(_ components: [WebSocketRoute]...) -> [WebSocketRoute] { components.flatMap { $0 } }
    /// The routes of an `if` without `else`; none when its condition is false.
    public static func buildOptional(_ component: [WebSocketRoute]?) -> [WebSocketRoute] { component ?? [] }
    /// The routes of the `if` branch taken.
    public static func buildEither(first component: [WebSocketRoute]) -> [WebSocketRoute] { component }
    /// The routes of the `else` branch taken.
    public static func buildEither(second component: [WebSocketRoute]) -> [WebSocketRoute] { component }
    /// The routes of a `for` loop's iterations, in order.
    public static func buildArray(_ components: [[WebSocketRoute]]) -> [WebSocketRoute] { components.flatMap { $0 } }
}
