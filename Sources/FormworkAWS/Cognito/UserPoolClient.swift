import FormworkCore
import OrderedCollections

/// An app client of a user pool (CDK's `userPool.addClient`), at `<Pool>/<id>`: its authentication flows,
/// OAuth settings (CDK's: implicit and code grants, every scope, `https://example.com` as callback, unless
/// given or turned off), secret and token lifetimes.
public struct UserPoolClient: Construct {
    public let pool: UserPool
    /// The client's id under its pool (`<Pool>/<clientId>`).
    public let idInPool: String
    public var clientName: String?
    public var generateSecret: Bool?
    public var authFlows: [AuthFlow]
    /// `nil` turns OAuth off for the client.
    public var oAuth: OAuth?
    public var preventUserExistenceErrors: Bool?
    public var accessTokenValidity: Duration?
    public var idTokenValidity: Duration?
    public var refreshTokenValidity: Duration?

    /// The ways the client authenticates users; `ALLOW_REFRESH_TOKEN_AUTH` comes with any of them.
    public enum AuthFlow: String, Sendable, CaseIterable {
        case userPassword = "ALLOW_USER_PASSWORD_AUTH"
        case adminUserPassword = "ALLOW_ADMIN_USER_PASSWORD_AUTH"
        case custom = "ALLOW_CUSTOM_AUTH"
        case userSrp = "ALLOW_USER_SRP_AUTH"
    }

    /// OAuth 2.0 settings.
    public struct OAuth: Sendable {
        public enum Flow: String, Sendable, CaseIterable {
            case implicitCodeGrant = "implicit"
            case authorizationCodeGrant = "code"
            case clientCredentials = "client_credentials"
        }

        public var flows: Set<Flow>
        public var scopes: [String]
        public var callbackURLs: [String]
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
            var properties = OrderedDictionary<String, Value>()
            func minutes(_ duration: Duration?) -> Value? { duration.map { .number(Double($0.wholeSeconds / 60)) } }
            properties["AccessTokenValidity"] = minutes(accessTokenValidity)
            if let oAuth {
                properties["AllowedOAuthFlows"] = .array(OAuth.Flow.allCases.filter(oAuth.flows.contains).map { .string($0.rawValue) })
            }
            properties["AllowedOAuthFlowsUserPoolClient"] = .bool(oAuth != nil)
            properties["AllowedOAuthScopes"] = oAuth.map { .array($0.scopes.map { .string($0) }) }
            properties["CallbackURLs"] = oAuth.flatMap { $0.callbackURLs.isEmpty ? nil : .array($0.callbackURLs.map { .string($0) }) }
            properties["ClientName"] = clientName.map { .string($0) }
            properties["ExplicitAuthFlows"] =
                authFlows.isEmpty
                ? nil
                : .array(AuthFlow.allCases.filter(authFlows.contains).map { .string($0.rawValue) } + ["ALLOW_REFRESH_TOKEN_AUTH"])
            properties["GenerateSecret"] = generateSecret.map { .bool($0) }
            properties["IdTokenValidity"] = minutes(idTokenValidity)
            properties["LogoutURLs"] = oAuth.flatMap { $0.logoutURLs.isEmpty ? nil : .array($0.logoutURLs.map { .string($0) }) }
            properties["PreventUserExistenceErrors"] = preventUserExistenceErrors.map { $0 ? "ENABLED" : "LEGACY" }
            properties["RefreshTokenValidity"] = minutes(refreshTokenValidity)
            properties["SupportedIdentityProviders"] = ["COGNITO"]
            if accessTokenValidity != nil || idTokenValidity != nil || refreshTokenValidity != nil {
                properties["TokenValidityUnits"] = ["AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "minutes"]
            }
            properties["UserPoolId"] = pool.userPoolId
            try scope.scope(of: pool).child(idInPool).declareResource("AWS::Cognito::UserPoolClient", properties: properties)
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
