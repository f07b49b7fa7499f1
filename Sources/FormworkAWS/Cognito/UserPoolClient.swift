import FormworkCore
import FormworkL1
import OrderedCollections

/// An app client of a user pool (CDK's `userPool.addClient`), at `<Pool>/<id>`: its authentication flows,
/// OAuth settings (CDK's: implicit and code grants, every scope, `https://example.com` as callback, unless
/// given or turned off; the client-credentials grant with a resource server's scopes for machine-to-machine
/// calls), secret and token lifetimes.
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
    /// writes none, and Cognito's 60 minutes apply. Each of the three lifetimes given writes its unit, `minutes`, in
    /// `TokenValidityUnits` (and only those, as CDK does).
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

    /// A scope an OAuth client may ask for (CDK's `cognito.OAuthScope`), as `AllowedOAuthScopes` lists it; a string literal is a
    /// scope of that name, as ``UserPoolClient/OAuthScope/custom(_:)``.
    public struct OAuthScope: Sendable, Equatable, ExpressibleByStringLiteral {
        /// The scope's name, `<resource server identifier>/<scope name>` for a resource server's scope.
        public let scopeName: Value

        init(scopeName: Value) {
            self.scopeName = scopeName
        }

        /// The scope named `name`.
        public init(stringLiteral name: String) {
            self.init(scopeName: .string(name))
        }

        /// `phone`: the user's phone number in the ID token and from `userInfo`; brings `openid`.
        public static let phone: OAuthScope = "phone"
        /// `email`: the user's email address in the ID token and from `userInfo`; brings `openid`.
        public static let email: OAuthScope = "email"
        /// `openid`: an ID token.
        public static let openid: OAuthScope = "openid"
        /// `profile`: every attribute the client may read, in the ID token and from `userInfo`; brings `openid`.
        public static let profile: OAuthScope = "profile"
        /// `aws.cognito.signin.user.admin`: the user pool API calls a signed-in user may make about themselves.
        public static let cognitoAdmin: OAuthScope = "aws.cognito.signin.user.admin"

        /// The scope named `name`, such as a resource server's `orders/read` written out.
        public static func custom(_ name: String) -> OAuthScope {
            OAuthScope(scopeName: .string(name))
        }

        /// The scope `scope` of the resource server `server`: `<identifier>/<scopeName>`, built from the server's reference as
        /// CDK builds it (an `Fn::Join` with its `Ref`), so that the client follows the server.
        public static func resourceServer(_ server: UserPoolResourceServer, _ scope: UserPoolResourceServer.Scope) -> OAuthScope {
            OAuthScope(scopeName: "\(server.userPoolResourceServerId)/\(scope.scopeName)")
        }
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

        /// The grants the client may use (`AllowedOAuthFlows`, written in the order of ``Flow``'s cases, none when empty);
        /// implicit and code unless given, as in CDK. ``Flow/clientCredentials`` goes with neither of the other two.
        public var flows: Set<Flow>
        /// The scopes the client may ask for (`AllowedOAuthScopes`, each once, in this order, with `openid` added at the end when
        /// `phone`, `email` or `profile` is there without it, as CDK does); `profile`, `phone`, `email`, `openid` and
        /// `aws.cognito.signin.user.admin` unless given, as in CDK.
        public var scopes: [OAuthScope]
        /// Where Cognito may redirect after sign-in (`CallbackURLs`), HTTPS except for `http://localhost`; `nil` (the default)
        /// writes `https://example.com` with the implicit or code grant, as CDK does, and none with client credentials alone.
        /// Empty is refused with the implicit or code grant, as in CDK.
        public var callbackURLs: [String]?
        /// Where Cognito may redirect after sign-out (`LogoutURLs`); `nil` (the default) leaves the property out, and an empty
        /// list writes `[]`, as CDK does with `logoutUrls: []`.
        public var logoutURLs: [String]?

        /// CDK's defaults: implicit and code grants, every standard scope, `https://example.com` as callback.
        public init(
            flows: Set<Flow> = [.implicitCodeGrant, .authorizationCodeGrant],
            scopes: [OAuthScope] = [.profile, .phone, .email, .openid, .cognitoAdmin],
            callbackURLs: [String]? = nil, logoutURLs: [String]? = nil
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
        let callbackURLs = try oAuth?.checkedCallbackURLs(at: scope)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            var client = CfnCognito.UserPoolClient(userPoolId: pool.userPoolId)
            func minutes(_ duration: Duration?) -> Value? { duration.map { .number(Double($0.wholeSeconds / 60)) } }
            client.accessTokenValidity = minutes(accessTokenValidity)
            if let oAuth, !oAuth.flows.isEmpty {
                client.allowedOAuthFlows = .array(OAuth.Flow.allCases.filter(oAuth.flows.contains).map { .string($0.rawValue) })
            }
            client.allowedOAuthFlowsUserPoolClient = .bool(oAuth != nil)
            client.allowedOAuthScopes = oAuth.map { .array($0.allowedScopes) }
            client.callbackURLs = callbackURLs.map { .array($0.map { .string($0) }) }
            client.clientName = clientName.map { .string($0) }
            client.explicitAuthFlows =
                authFlows.isEmpty
                ? nil
                : .array(AuthFlow.allCases.filter(authFlows.contains).map { .string($0.rawValue) } + ["ALLOW_REFRESH_TOKEN_AUTH"])
            client.generateSecret = generateSecret.map { .bool($0) }
            client.idTokenValidity = minutes(idTokenValidity)
            client.logoutURLs = oAuth?.logoutURLs.map { .array($0.map { .string($0) }) }
            client.preventUserExistenceErrors = preventUserExistenceErrors.map { $0 ? "ENABLED" : "LEGACY" }
            client.refreshTokenValidity = minutes(refreshTokenValidity)
            client.supportedIdentityProviders = ["COGNITO"]
            // CDK writes the unit of each lifetime given, and no `TokenValidityUnits` when none is.
            if accessTokenValidity != nil || idTokenValidity != nil || refreshTokenValidity != nil {
                let unit: Value = "minutes"
                client.tokenValidityUnits = CfnCognito.UserPoolClient.TokenValidityUnits(
                    accessToken: accessTokenValidity.map { _ in unit }, idToken: idTokenValidity.map { _ in unit },
                    refreshToken: refreshTokenValidity.map { _ in unit })
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

extension UserPoolClient.OAuth {
    /// The callback URLs CDK writes: the ones given, `https://example.com` for the implicit or code grant when none is given;
    /// `nil` when there are none to write.
    func checkedCallbackURLs(at scope: ConstructScope) throws(SynthesisError) -> [String]? {
        let redirects = flows.contains(.implicitCodeGrant) || flows.contains(.authorizationCodeGrant)
        if redirects && flows.contains(.clientCredentials) {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "the clientCredentials OAuth flow cannot be selected along with the code or implicit grant")
        }
        guard redirects else { return callbackURLs?.isEmpty == false ? callbackURLs : nil }
        guard let callbackURLs else { return ["https://example.com"] }
        guard !callbackURLs.isEmpty else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "callbackURLs must not be empty when the code or implicit grant is enabled")
        }
        return callbackURLs
    }

    /// `AllowedOAuthScopes`: each scope once, in the order given, and `openid` at the end when `phone`, `email` or `profile`
    /// asks for it, as CDK writes them.
    var allowedScopes: [Value] {
        var names: [Value] = []
        for scope in scopes where !names.contains(scope.scopeName) {
            names.append(scope.scopeName)
        }
        let needsOpenid = [UserPoolClient.OAuthScope.phone, .email, .profile].contains { names.contains($0.scopeName) }
        if needsOpenid && !names.contains(UserPoolClient.OAuthScope.openid.scopeName) {
            names.append(UserPoolClient.OAuthScope.openid.scopeName)
        }
        return names
    }
}
