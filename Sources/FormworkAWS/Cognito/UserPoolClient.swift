import FormworkCore
import FormworkL1
import OrderedCollections

/// An app client of a user pool (CDK's `userPool.addClient`), at `<Pool>/<id>`: its authentication flows,
/// OAuth settings (CDK's: implicit and code grants, every scope, `https://example.com` as callback, unless
/// given or turned off), secret and token lifetimes.
public struct UserPoolClient: Construct {
    /// The user pool the client belongs to (`UserPoolId`); the client is declared under it.
    public let pool: UserPool
    /// The client's id under its pool (`<Pool>/<clientId>`).
    public let idInPool: String
    /// The client's name (`ClientName`); none written unless given.
    public var clientName: String?
    /// Whether the client gets a secret, for apps that can keep one, such as servers (`GenerateSecret`); `nil` (the default)
    /// writes none, and the client has no secret, as with `false`.
    public var generateSecret: Bool?
    /// The ways users may authenticate through the client (`ExplicitAuthFlows`, with `ALLOW_REFRESH_TOKEN_AUTH` added); empty
    /// (the default) writes none, and Cognito allows SRP, custom and refresh-token authentication.
    public var authFlows: [AuthFlow]
    /// `nil` turns OAuth off for the client.
    public var oAuth: OAuth?
    /// Whether sign-in, confirmation and recovery hide that a user does not exist (`PreventUserExistenceErrors`: `ENABLED` for
    /// `true`, `LEGACY` for `false`); `nil` (the default) writes none, and Cognito uses `LEGACY`, which reveals it.
    public var preventUserExistenceErrors: Bool?
    /// How long access tokens are valid (`AccessTokenValidity`, in whole minutes), 5 minutes to 1 day; `nil` (the default)
    /// writes none, and Cognito's 60 minutes apply. Giving any of the three lifetimes writes `TokenValidityUnits` in minutes.
    public var accessTokenValidity: Duration?
    /// How long ID tokens are valid (`IdTokenValidity`, in whole minutes), 5 minutes to 1 day; `nil` (the default) writes none,
    /// and Cognito's 60 minutes apply.
    public var idTokenValidity: Duration?
    /// How long refresh tokens are valid (`RefreshTokenValidity`, in whole minutes), 60 minutes to 10 years; `nil` (the
    /// default) writes none, and Cognito's 30 days apply.
    public var refreshTokenValidity: Duration?

    /// The ways the client authenticates users; `ALLOW_REFRESH_TOKEN_AUTH` comes with any of them.
    public enum AuthFlow: String, Sendable, CaseIterable {
        /// `ALLOW_USER_PASSWORD_AUTH`: the app sends the user's name and password to Cognito.
        case userPassword = "ALLOW_USER_PASSWORD_AUTH"
        /// `ALLOW_ADMIN_USER_PASSWORD_AUTH`: a server with AWS credentials signs the user in with name and password
        /// (`AdminInitiateAuth`).
        case adminUserPassword = "ALLOW_ADMIN_USER_PASSWORD_AUTH"
        /// `ALLOW_CUSTOM_AUTH`: a challenge the pool's Lambda triggers define.
        case custom = "ALLOW_CUSTOM_AUTH"
        /// `ALLOW_USER_SRP_AUTH`: Secure Remote Password, proving the password without sending it.
        case userSrp = "ALLOW_USER_SRP_AUTH"
    }

    /// OAuth 2.0 settings.
    public struct OAuth: Sendable {
        /// An OAuth 2.0 grant the client may use (`AllowedOAuthFlows`).
        public enum Flow: String, Sendable, CaseIterable {
            /// `implicit`: tokens are returned directly in the redirect to the callback URL.
            case implicitCodeGrant = "implicit"
            /// `code`: an authorization code is returned to the callback URL and exchanged for tokens.
            case authorizationCodeGrant = "code"
            /// `client_credentials`: the client gets an access token with its own id and secret, for machine-to-machine calls.
            case clientCredentials = "client_credentials"
        }

        /// The grants the client may use (`AllowedOAuthFlows`, written in the order of ``Flow``'s cases); implicit and code unless
        /// given, as in CDK.
        public var flows: Set<Flow>
        /// The scopes the client may ask for (`AllowedOAuthScopes`); `profile`, `phone`, `email`, `openid` and
        /// `aws.cognito.signin.user.admin` unless given, as in CDK.
        public var scopes: [String]
        /// Where Cognito may redirect after sign-in (`CallbackURLs`), HTTPS except for `http://localhost`; `https://example.com`
        /// unless given, as in CDK, and none written when empty.
        public var callbackURLs: [String]
        /// Where Cognito may redirect after sign-out (`LogoutURLs`); none, and the property left out, unless given.
        public var logoutURLs: [String]

        /// CDK's defaults: implicit and code grants, every standard scope, `https://example.com` as callback.
        public init(
            flows: Set<Flow> = [.implicitCodeGrant, .authorizationCodeGrant],
            scopes: [String] = ["profile", "phone", "email", "openid", "aws.cognito.signin.user.admin"],
            callbackURLs: [String] = ["https://example.com"], logoutURLs: [String] = []
        ) {
            self.flows = flows
            self.scopes = scopes
            self.callbackURLs = callbackURLs
            self.logoutURLs = logoutURLs
        }
    }

    public var id: String { "\(pool.id)\(idInPool)" }

    /// `{"Ref": client}`: the client id.
    public var clientId: Value { .reference(Reference(to: pool, element: [idInPool, "Resource"], form: .ref)) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        scope.require(pool)
        for (name, validity, range) in [
            ("accessTokenValidity", accessTokenValidity, 5 * 60...86_400), ("idTokenValidity", idTokenValidity, 5 * 60...86_400),
            ("refreshTokenValidity", refreshTokenValidity, 60 * 60...315_360_000),
        ] {
            try PropertyChecks.check(validity?.wholeSeconds, in: range, name, unit: " s", at: scope)
        }
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            var client = CfnCognito.UserPoolClient(userPoolId: pool.userPoolId)
            func minutes(_ duration: Duration?) -> Value? { duration.map { .number(Double($0.wholeSeconds / 60)) } }
            client.accessTokenValidity = minutes(accessTokenValidity)
            if let oAuth {
                client.allowedOAuthFlows = .array(OAuth.Flow.allCases.filter(oAuth.flows.contains).map { .string($0.rawValue) })
            }
            client.allowedOAuthFlowsUserPoolClient = .bool(oAuth != nil)
            client.allowedOAuthScopes = oAuth.map { .array($0.scopes.map { .string($0) }) }
            client.callbackURLs = oAuth.flatMap { $0.callbackURLs.isEmpty ? nil : .array($0.callbackURLs.map { .string($0) }) }
            client.clientName = clientName.map { .string($0) }
            client.explicitAuthFlows =
                authFlows.isEmpty
                ? nil
                : .array(AuthFlow.allCases.filter(authFlows.contains).map { .string($0.rawValue) } + ["ALLOW_REFRESH_TOKEN_AUTH"])
            client.generateSecret = generateSecret.map { .bool($0) }
            client.idTokenValidity = minutes(idTokenValidity)
            client.logoutURLs = oAuth.flatMap { $0.logoutURLs.isEmpty ? nil : .array($0.logoutURLs.map { .string($0) }) }
            client.preventUserExistenceErrors = preventUserExistenceErrors.map { $0 ? "ENABLED" : "LEGACY" }
            client.refreshTokenValidity = minutes(refreshTokenValidity)
            client.supportedIdentityProviders = ["COGNITO"]
            if accessTokenValidity != nil || idTokenValidity != nil || refreshTokenValidity != nil {
                client.tokenValidityUnits = CfnCognito.UserPoolClient.TokenValidityUnits(accessToken: "minutes", idToken: "minutes", refreshToken: "minutes")
            }
            try scope.scope(of: pool).child(idInPool).declareResource(client)
        }
    }
}

extension UserPool {
    /// An app client of this pool (CDK's `addClient`); list the result in a body.
    public func client(
        _ id: String, clientName: String? = nil, generateSecret: Bool? = nil, authFlows: [UserPoolClient.AuthFlow] = [],
        oAuth: UserPoolClient.OAuth? = UserPoolClient.OAuth(), preventUserExistenceErrors: Bool? = nil,
        accessTokenValidity: Duration? = nil, idTokenValidity: Duration? = nil, refreshTokenValidity: Duration? = nil
    ) -> UserPoolClient {
        UserPoolClient(
            pool: self, idInPool: id, clientName: clientName, generateSecret: generateSecret, authFlows: authFlows, oAuth: oAuth,
            preventUserExistenceErrors: preventUserExistenceErrors, accessTokenValidity: accessTokenValidity,
            idTokenValidity: idTokenValidity, refreshTokenValidity: refreshTokenValidity)
    }
}
