import FormworkCore
import FormworkL1
import OrderedCollections

/// An HTTP API authorizer (CDK's `HttpJwtAuthorizer`, `HttpUserPoolAuthorizer` and `HttpLambdaAuthorizer`), declared in
/// the API that uses it at `<Api>/<id>`, once, by the first route that uses it: JSON Web Tokens from an issuer (Cognito,
/// Auth0, any OIDC provider), tokens of a Cognito user pool, or a function's verdict. Give it to routes
/// (`authorization: .http(authorizer)`) or to the whole API (``HttpApi/defaultAuthorizer``).
///
/// ```swift
/// let jwt = HttpAuthorizer.jwt("Jwt", issuer: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc", audience: ["shop"])
/// HttpApi("Api") { Route(.get, "/orders", to: listOrders, authorization: .http(jwt, scopes: ["orders:read"])) }
/// ```
public struct HttpAuthorizer: Sendable {
    /// The authorizer's id in its API.
    public let id: String
    /// What decides and how (`AuthorizerType` with its `JwtConfiguration`, or a function's `AuthorizerUri`); set by
    /// ``jwt(_:issuer:audience:identitySource:name:)``, ``userPool(_:pool:clients:region:identitySource:name:)`` or
    /// ``lambda(_:handler:simpleResponses:resultsCacheTtl:identitySource:name:)``.
    public var kind: Kind
    /// Where the token or identity is read; `$request.header.Authorization` unless given.
    public var identitySource: [String]
    /// The authorizer's name; its id unless given, as CDK.
    public var name: String?

    /// What decides.
    public enum Kind: Sendable {
        /// A JSON Web Token from `issuer` for one of `audience` (`JWT`).
        case jwt(issuer: String, audience: [String])
        /// A function (`REQUEST`) answering with a simple `isAuthorized` (`simpleResponses`, payload 2.0) or an
        /// IAM policy (payload 1.0), cached for `resultsCacheTtl`.
        case lambda(handler: Function, simpleResponses: Bool, resultsCacheTtl: Duration)
        /// A JSON Web Token (`JWT`) a Cognito user pool issued (issuer `https://cognito-idp.<region>.amazonaws.com/<pool id>`)
        /// for one of `clients` (the audience), or for a client `UserPoolAuthorizerClient` added to the pool when `nil`;
        /// `region` is the pool's, the stack's unless given.
        case userPool(UserPool, clients: [UserPoolClient]?, region: String?)
    }

    /// A JWT authorizer.
    public static func jwt(
        _ id: String, issuer: String, audience: [String], identitySource: [String] = ["$request.header.Authorization"],
        name: String? = nil
    ) -> HttpAuthorizer {
        HttpAuthorizer(id: id, kind: .jwt(issuer: issuer, audience: audience), identitySource: identitySource, name: name)
    }

    /// A Cognito user pool authorizer (CDK's `HttpUserPoolAuthorizer`): a JWT authorizer for the tokens `pool` issues to
    /// `clients`. `clients`: `nil` (the default, as CDK) adds a client `UserPoolAuthorizerClient` with CDK's defaults to the
    /// pool (``UserPool/client(_:clientName:generateSecret:authFlows:oAuth:preventUserExistenceErrors:accessTokenValidity:idTokenValidity:refreshTokenValidity:)``)
    /// and accepts its tokens; give the app clients that sign users in instead, at least one. `region`: where the pool
    /// is, such as `eu-west-1`; `nil` (the default) is the stack's region (`AWS::Region` for a stack without one).
    public static func userPool(
        _ id: String, pool: UserPool, clients: [UserPoolClient]? = nil, region: String? = nil,
        identitySource: [String] = ["$request.header.Authorization"], name: String? = nil
    ) -> HttpAuthorizer {
        HttpAuthorizer(id: id, kind: .userPool(pool, clients: clients, region: region), identitySource: identitySource, name: name)
    }

    /// A Lambda authorizer; answers are IAM policies unless `simpleResponses`, cached five minutes unless told.
    public static func lambda(
        _ id: String, handler: Function, simpleResponses: Bool = false, resultsCacheTtl: Duration = .seconds(300),
        identitySource: [String] = ["$request.header.Authorization"], name: String? = nil
    ) -> HttpAuthorizer {
        HttpAuthorizer(
            id: id, kind: .lambda(handler: handler, simpleResponses: simpleResponses, resultsCacheTtl: resultsCacheTtl),
            identitySource: identitySource, name: name)
    }

    /// The route's `AuthorizationType`.
    var typeName: String {
        switch kind {
        case .jwt, .userPool: "JWT"
        case .lambda: "CUSTOM"
        }
    }

    /// Declares the authorizer (and a Lambda one's invoke permission) in `api`'s scope, once; its id.
    func declare(in scope: ConstructScope, api: HttpApi) throws(SynthesisError) -> Value {
        let reference = Value.reference(Reference(to: api, element: [id, "Resource"], form: .ref))
        let authorizerScope = try scope.child(id)
        guard try !authorizerScope.child("Resource").hasElement else { return reference }
        let properties: CfnApiGatewayV2.Authorizer
        switch kind {
        case .jwt(let issuer, let audience):
            properties = CfnApiGatewayV2.Authorizer(
                apiId: api.apiId, authorizerType: "JWT", identitySource: .array(identitySource.map { .string($0) }),
                jwtConfiguration: CfnApiGatewayV2.Authorizer.JWTConfiguration(audience: .array(audience.map { .string($0) }), issuer: .string(issuer)),
                name: .string(name ?? id))
        case .userPool(let pool, let clients, let region):
            if let clients, clients.isEmpty {
                throw SynthesisError(
                    .invalidSetting, paths: [authorizerScope.path],
                    "the user pool authorizer '\(id)' names no client, so no token can pass it; give the pool's app clients, or leave clients out for one made for it"
                )
            }
            scope.require(pool)
            let audience: [Value]
            if let clients {
                audience = clients.map(\.clientId)
            } else {
                // CDK: `pool.addClient('UserPoolAuthorizerClient')` with the client's defaults.
                let client = pool.client("UserPoolAuthorizerClient")
                try scope.add(client)
                audience = [client.clientId]
            }
            let issuer: Value
            if let poolRegion = region ?? scope.stackRegion {
                issuer = "https://cognito-idp.\(poolRegion).amazonaws.com/\(pool.userPoolId)"
            } else {
                issuer = "https://cognito-idp.\(Aws.region).amazonaws.com/\(pool.userPoolId)"
            }
            properties = CfnApiGatewayV2.Authorizer(
                apiId: api.apiId, authorizerType: "JWT", identitySource: .array(identitySource.map { .string($0) }),
                jwtConfiguration: CfnApiGatewayV2.Authorizer.JWTConfiguration(audience: .array(audience), issuer: issuer),
                name: .string(name ?? id))
        case .lambda(let handler, let simpleResponses, let ttl):
            try PropertyChecks.check(ttl.wholeSeconds, in: 0...3_600, "resultsCacheTtl", unit: " s", at: scope)
            scope.require(handler)
            var requestAuthorizer = CfnApiGatewayV2.Authorizer(
                apiId: api.apiId, authorizerResultTtlInSeconds: .number(Double(ttl.wholeSeconds)), authorizerType: "REQUEST",
                authorizerUri: handler.apiGatewayInvocationUri, identitySource: .array(identitySource.map { .string($0) }), name: .string(name ?? id))
            // CDK: payload 2.0 for simple responses, 1.0 for IAM policies.
            requestAuthorizer.authorizerPayloadFormatVersion = simpleResponses ? "2.0" : "1.0"
            requestAuthorizer.enableSimpleResponses = simpleResponses ? true : nil
            properties = requestAuthorizer
            if handler.createsPermissions(in: scope) {
                try scope.declareResource(
                    CfnLambda.Permission(
                        action: "lambda:InvokeFunction", functionName: handler.arn, principal: "apigateway.amazonaws.com",
                        sourceArn: "arn:\(scope.arnPartition):execute-api:\(scope.arnRegion):\(Aws.accountId):\(api.apiId)/authorizers/\(reference)"),
                    at: "\(authorizerScope.uniqueId)-Permission")
            }
        }
        try authorizerScope.declareResource(properties)
        return reference
    }
}
