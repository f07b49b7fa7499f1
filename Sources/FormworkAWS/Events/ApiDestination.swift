import FormworkCore
import FormworkL1
import OrderedCollections

/// An HTTP endpoint EventBridge rules and pipes deliver to (CDK's `events.ApiDestination`), authorized by a
/// ``Connection`` and rate-limited. Rules deliver with a role of the destination's (`<Destination>/EventsRole`),
/// shared by every rule that targets it, as CDK's.
///
/// ```swift
/// let partner = ApiDestination("Partner", connection: partnerConnection, endpoint: "https://partner.example.com/orders",
///                              httpMethod: "POST", rateLimitPerSecond: 10)
/// rule.target(partner)
/// ```
public struct ApiDestination: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The connection that authorizes the calls (`ConnectionArn`).
    public var connection: Connection
    /// The URL called; `*` in it stands for a path parameter.
    public var endpoint: String
    /// The HTTP method EventBridge calls with (`HttpMethod`): `GET`, `HEAD`, `POST`, `OPTIONS`, `PUT`, `DELETE` or `PATCH`;
    /// `POST` unless given.
    public var httpMethod: String
    /// Calls per second at most; 300 when `nil` (EventBridge's default).
    public var rateLimitPerSecond: Int?
    /// The destination's description (`Description`), up to 512 characters; none written unless given.
    public var description: String?
    /// The destination's name (`Name`): up to 64 letters, digits, `.`, `-` and `_`; `nil` (the default) leaves it out and
    /// CloudFormation generates one.
    public var apiDestinationName: String?
    /// The role rules deliver with, added with the first rule that targets the destination.
    let eventsRole = Role("EventsRole", assumedBy: "events.amazonaws.com")

    /// A destination calling the `https://` URL `endpoint` with `httpMethod`, authorized by `connection`; `rateLimitPerSecond`,
    /// when given, must be 1 to 300.
    public init(
        _ id: String, connection: Connection, endpoint: String, httpMethod: String = "POST", rateLimitPerSecond: Int? = nil,
        description: String? = nil, apiDestinationName: String? = nil
    ) {
        self.id = id
        self.connection = connection
        self.endpoint = endpoint
        self.httpMethod = httpMethod
        self.rateLimitPerSecond = rateLimitPerSecond
        self.description = description
        self.apiDestinationName = apiDestinationName
    }

    /// The destination's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["ApiDestination"], form: .getAtt(CfnEvents.ApiDestination.Attribute.arn.rawValue))) }

    /// `events:InvokeApiDestination` on this destination.
    var invokeStatement: PolicyStatement { PolicyStatement(actions: ["events:InvokeApiDestination"], resources: [arn]) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        guard endpoint.hasPrefix("https://") else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "the endpoint '\(endpoint)' must be an https:// URL")
        }
        let methods = ["GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE", "PATCH"]
        guard methods.contains(httpMethod) else {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "'\(httpMethod)' is not an HTTP method EventBridge calls with: \(methods.joined(separator: ", "))")
        }
        try PropertyChecks.check(rateLimitPerSecond, in: 1...300, "rateLimitPerSecond", at: scope)
        scope.require(connection)
        let destination = CfnEvents.ApiDestination(
            connectionArn: connection.arn,
            description: description.map { .string($0) },
            httpMethod: .string(httpMethod),
            invocationEndpoint: .string(endpoint),
            invocationRateLimitPerSecond: rateLimitPerSecond.map { .number(Double($0)) },
            name: apiDestinationName.map { .string($0) })
        try scope.declareResource(destination, at: "ApiDestination")
    }
}
