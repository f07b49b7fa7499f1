import FormworkCore
import FormworkL1
import OrderedCollections

/// A REST API authorizer backed by a function (CDK's `TokenAuthorizer` and `RequestAuthorizer`): API Gateway
/// calls the function with the caller's token or request and caches its policy. It belongs to the one API
/// whose routes use it.
///
/// ```swift
/// let authorizer = LambdaAuthorizer("Auth", handler: checkToken)
/// RestApi("Shop") { Route(.get, "/orders", to: listOrders, authorization: .lambda(authorizer)) }
/// ```
public struct LambdaAuthorizer: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The function API Gateway calls to decide (`AuthorizerUri`); the authorizer also gives API Gateway a
    /// `lambda:InvokeFunction` permission on it, limited to this authorizer.
    public let handler: Function
    /// What the function is given (`Type` and `IdentitySource`); a token from the `Authorization` header unless given.
    public var kind: Kind
    /// How long API Gateway caches the function's answer; 5 minutes unless given (0 turns caching off).
    public var resultsCacheTtl: Duration
    /// The authorizer's name in the API (`Name`); the construct's unique id (as CDK names it) unless given.
    public var authorizerName: String?

    /// What API Gateway passes to the function.
    public enum Kind: Sendable {
        /// A token from a header (`TOKEN`), optionally checked against a regular expression first.
        case token(identitySource: String = "method.request.header.Authorization", validationRegex: String? = nil)
        /// The request's parameters and headers (`REQUEST`), the listed ones making the cache key.
        case request(identitySources: [String])
    }

    /// An authorizer calling `handler`; give it to routes of one REST API, which it joins. The cache TTL must be 0 to 3,600
    /// seconds, and a `.request` authorizer that caches needs at least one identity source.
    public init(_ id: String, handler: Function, kind: Kind = .token(), resultsCacheTtl: Duration = .seconds(300), authorizerName: String? = nil) {
        self.id = id
        self.handler = handler
        self.kind = kind
        self.resultsCacheTtl = resultsCacheTtl
        self.authorizerName = authorizerName
    }

    /// `{"Ref": authorizer}`: the authorizer id.
    public var authorizerId: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(resultsCacheTtl.wholeSeconds, in: 0...3_600, "resultsCacheTtl", unit: " s", at: scope)
        if case .request(let sources) = kind, sources.isEmpty, resultsCacheTtl.wholeSeconds > 0 {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a request authorizer that caches needs identity sources: they make the cache key")
        }
        scope.require(handler)
        scope.afterExpansion(.finalize) { [self] scope throws(SynthesisError) in
            let apiId = try AuthorizerBinding.api(of: self, contributions: scope.contributions(to: self, as: AuthorizerBinding.restApis), at: scope)
            let arnParts: (Int) -> Value = { .intrinsic("Fn::Select", [.number(Double($0)), .intrinsic("Fn::Split", [":", handler.arn])]) }
            let authorizerType: Value =
                switch kind {
                case .token: "TOKEN"
                case .request: "REQUEST"
                }
            var properties = CfnApiGateway.Authorizer(
                authorizerResultTtlInSeconds: .number(Double(resultsCacheTtl.wholeSeconds)),
                authorizerUri: "arn:\(arnParts(1)):apigateway:\(arnParts(3)):lambda:path/2015-03-31/functions/\(handler.arn)/invocations",
                name: .string(authorizerName ?? scope.uniqueId), restApiId: apiId, type: authorizerType)
            switch kind {
            case .token(let source, let regex):
                properties.identitySource = .string(source)
                properties.identityValidationExpression = regex.map { .string($0) }
            case .request(let sources):
                properties.identitySource = sources.isEmpty ? nil : .string(sources.joined(separator: ","))
            }
            try scope.declareResource(properties)
            if handler.createsPermissions(in: scope) {
                try scope.scope(of: handler).declareResource(
                    CfnLambda.Permission(
                        action: "lambda:InvokeFunction", functionName: handler.arn, principal: "apigateway.amazonaws.com",
                        sourceArn: "arn:\(Aws.partition):execute-api:\(Aws.region):\(Aws.accountId):\(apiId)/authorizers/\(authorizerId)"),
                    at: "\(scope.uniqueId):Permissions")
            }
        }
    }
}

/// A REST API authorizer for the users of Cognito user pools (CDK's `CognitoUserPoolsAuthorizer`): callers
/// send an id or access token the pools issued.
public struct CognitoAuthorizer: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The user pools whose tokens are accepted (`ProviderARNs`); at least one.
    public var userPools: [UserPool]
    /// Where API Gateway finds the token (`IdentitySource`); the `Authorization` header
    /// (`method.request.header.Authorization`) unless given.
    public var identitySource: String
    /// How long API Gateway caches a token's verdict; not written (API Gateway's default) when `nil`.
    public var resultsCacheTtl: Duration?
    /// The authorizer's name in the API (`Name`); the construct's unique id (as CDK names it) unless given.
    public var authorizerName: String?

    /// An authorizer for tokens issued by `userPools`; give it to routes of one REST API, which it joins. A cache TTL, when
    /// given, must be 0 to 3,600 seconds.
    public init(
        _ id: String, userPools: [UserPool], identitySource: String = "method.request.header.Authorization", resultsCacheTtl: Duration? = nil,
        authorizerName: String? = nil
    ) {
        self.id = id
        self.userPools = userPools
        self.identitySource = identitySource
        self.resultsCacheTtl = resultsCacheTtl
        self.authorizerName = authorizerName
    }

    /// `{"Ref": authorizer}`: the authorizer id.
    public var authorizerId: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        guard !userPools.isEmpty else { throw SynthesisError(.invalidSetting, paths: [scope.path], "a Cognito authorizer needs at least one user pool") }
        try PropertyChecks.check(resultsCacheTtl?.wholeSeconds, in: 0...3_600, "resultsCacheTtl", unit: " s", at: scope)
        for pool in userPools { scope.require(pool) }
        scope.afterExpansion(.finalize) { [self] scope throws(SynthesisError) in
            let apiId = try AuthorizerBinding.api(of: self, contributions: scope.contributions(to: self, as: AuthorizerBinding.restApis), at: scope)
            try scope.declareResource(
                CfnApiGateway.Authorizer(
                    authorizerResultTtlInSeconds: resultsCacheTtl.map { .number(Double($0.wholeSeconds)) }, identitySource: .string(identitySource),
                    name: .string(authorizerName ?? scope.uniqueId), providerARNs: .array(userPools.map(\.arn)), restApiId: apiId,
                    type: "COGNITO_USER_POOLS"))
        }
    }
}

/// The one API an authorizer belongs to.
enum AuthorizerBinding {
    /// The ids of the REST APIs whose routes use an authorizer.
    static let restApis = ContributionKey<Value>("Authorizer.restApis")

    static func api(of authorizer: some IdentifiedConstruct, contributions: [Value], at scope: ConstructScope) throws(SynthesisError) -> Value {
        var apis: [Value] = []
        for api in contributions where !apis.contains(api) { apis.append(api) }
        guard apis.count == 1 else {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                apis.isEmpty
                    ? "the authorizer '\(authorizer.id)' is used by no route; give it to a route, or leave it out"
                    : "the authorizer '\(authorizer.id)' is used by routes of \(apis.count) APIs; an authorizer belongs to one API")
        }
        return apis[0]
    }
}
