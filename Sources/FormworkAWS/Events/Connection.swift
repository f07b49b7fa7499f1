import FormworkCore
import FormworkL1
import OrderedCollections

/// An EventBridge connection (CDK's `events.Connection`): how to authorize calls to an HTTP API, kept by
/// EventBridge in a Secrets Manager secret of its own. Step Functions' HTTP task and API destinations use it.
///
/// ```swift
/// let payments = Connection("Payments", authorization: .apiKey(name: "x-api-key", value: paymentsKey.secretValue()))
/// ```
public struct Connection: IdentifiedConstruct {
    /// How calls are authorized. Pass secret values as dynamic references (`secret.secretValue()`), not as
    /// text: the template holds what is given here.
    public enum Authorization: Sendable {
        /// An API key sent in the header `name`.
        case apiKey(name: String, value: Value)
        /// HTTP basic authentication.
        case basic(username: String, password: Value)
        /// OAuth client credentials, exchanged at `endpoint` (with `httpMethod`) for a token.
        case oauth(endpoint: String, clientId: String, clientSecret: Value, httpMethod: String)
    }

    public let id: String
    public let identity = ConstructIdentity()
    /// How calls are authorized (`AuthorizationType` and `AuthParameters`): `API_KEY`, `BASIC` or `OAUTH_CLIENT_CREDENTIALS`.
    /// An OAuth endpoint must be an `https://` URL called with `GET`, `POST` or `PUT`.
    public var authorization: Authorization
    /// The connection's description (`Description`), up to 512 characters; none written unless given.
    public var description: String?
    /// The connection's name (`Name`): up to 64 letters, digits, `.`, `-` and `_`; `nil` (the default) leaves it out and
    /// CloudFormation generates one.
    public var connectionName: String?

    /// A connection authorizing calls with `authorization`.
    public init(_ id: String, authorization: Authorization, description: String? = nil, connectionName: String? = nil) {
        self.id = id
        self.authorization = authorization
        self.description = description
        self.connectionName = connectionName
    }

    /// The connection's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Connection"], form: .getAtt(CfnEvents.Connection.Attribute.arn.rawValue))) }
    /// The ARN of the secret EventBridge keeps the credentials in.
    public var secretArn: Value { .reference(Reference(to: self, element: ["Connection"], form: .getAtt(CfnEvents.Connection.Attribute.secretArn.rawValue))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if case .oauth(let endpoint, _, _, let httpMethod) = authorization {
            guard endpoint.hasPrefix("https://") else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "the OAuth endpoint '\(endpoint)' must be an https:// URL")
            }
            guard ["GET", "POST", "PUT"].contains(httpMethod) else {
                throw SynthesisError(
                    .invalidSetting, paths: [scope.path], "the OAuth endpoint is called with GET, POST or PUT; '\(httpMethod)' is none of them")
            }
        }
        var connection = CfnEvents.Connection(description: description.map { .string($0) }, name: connectionName.map { .string($0) })
        switch authorization {
        case .apiKey(let name, let value):
            connection.authParameters = CfnEvents.Connection.AuthParameters(
                apiKeyAuthParameters: CfnEvents.Connection.ApiKeyAuthParameters(apiKeyName: .string(name), apiKeyValue: value))
            connection.authorizationType = "API_KEY"
        case .basic(let username, let password):
            connection.authParameters = CfnEvents.Connection.AuthParameters(
                basicAuthParameters: CfnEvents.Connection.BasicAuthParameters(password: password, username: .string(username)))
            connection.authorizationType = "BASIC"
        case .oauth(let endpoint, let clientId, let clientSecret, let httpMethod):
            connection.authParameters = CfnEvents.Connection.AuthParameters(
                oAuthParameters: CfnEvents.Connection.OAuthParameters(
                    authorizationEndpoint: .string(endpoint),
                    clientParameters: CfnEvents.Connection.ClientParameters(clientID: .string(clientId), clientSecret: clientSecret),
                    httpMethod: .string(httpMethod), oAuthHttpParameters: CfnEvents.Connection.ConnectionHttpParameters()))
            connection.authorizationType = "OAUTH_CLIENT_CREDENTIALS"
        }
        try scope.declareResource(connection, at: "Connection")
    }
}
