import FormworkCore

/// A Lambda proxy integration of an HTTP API that routes share (CDK's `HttpLambdaIntegration`), named by its id.
///
/// Every route given the same integration uses one `AWS::ApiGatewayV2::Integration`, declared under the first of
/// them at `<Api>/<METHOD>--<path>/<id>`; each route still gets its own permission for API Gateway to invoke
/// the function (`<id>-Permission`, under the route), unless ``scopePermissionToRoute`` is `false`. A route
/// given a function instead of an integration has an integration of its own, named `Integration`.
///
/// ```swift
/// let orders = HttpLambdaIntegration("OrdersIntegration", handler: ordersFunction)
/// HttpApi("Api") {
///     Route(.get, "/orders", to: orders)
///     Route(.post, "/orders", to: orders)
/// }
/// ```
///
/// An integration belongs to one API; copies of one value are the same integration, two values made with the
/// same id are two integrations.
public struct HttpLambdaIntegration: Sendable {
    /// The integration's id under the first route that uses it (CDK's `id`), which its logical ID and its
    /// permissions' ids are built from.
    public let id: String
    /// The function the integration invokes (`IntegrationUri`), through Lambda proxy with payload format 2.0.
    public let handler: Function
    /// Whether each route gets its own permission to invoke ``handler``, limited to the route's path
    /// (`<id>-Permission`, source ARN `<api>/*/*<path>`); `true` (the default, as CDK). `false` gives the function one
    /// permission for every route of the API (source ARN `<api>/*/*/*`), declared once per function and API under the
    /// first route at `ApiPermission.ApiScoped.<function>.<api>`, however many integrations share it, which keeps the
    /// function's resource policy small for APIs with many routes.
    public var scopePermissionToRoute: Bool
    /// What tells two integrations apart: copies share it.
    let identity: ConstructIdentity

    /// An integration with `id` invoking `handler`, with a permission per route unless `scopePermissionToRoute` is `false`.
    public init(_ id: String, handler: Function, scopePermissionToRoute: Bool = true) {
        self.id = id
        self.handler = handler
        self.scopePermissionToRoute = scopePermissionToRoute
        self.identity = ConstructIdentity()
    }

    /// The integration CDK users write for one route (`HttpLambdaIntegration("Integration", fn)`): a new one each time.
    static func own(invoking function: Function) -> HttpLambdaIntegration {
        HttpLambdaIntegration("Integration", handler: function)
    }
}

extension HttpLambdaIntegration {
    /// One API's use of an integration, contributed to the integration's handler so that an integration given to routes
    /// of two APIs is refused, as CDK refuses it.
    struct Use: Sendable {
        /// The integration used.
        let integration: ConstructIdentity
        /// The API whose routes use it.
        let api: ConstructIdentity
    }

    /// The uses of the integrations invoking a function, by API.
    static let uses = ContributionKey<Use>("HttpLambdaIntegration.uses")
}
