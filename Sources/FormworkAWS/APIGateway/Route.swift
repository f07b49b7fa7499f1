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

    public var method: Method
    /// The path, `/` separated, with `{parameter}` and `{proxy+}` segments.
    public var path: String
    public var function: Function
    /// Whether callers need an API key.
    public var apiKeyRequired: Bool

    public init(_ method: Method, _ path: String, to function: Function, apiKeyRequired: Bool = false) {
        self.method = method
        self.path = path
        self.function = function
        self.apiKeyRequired = apiKeyRequired
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
