import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct AuthorizerTests {
    static func function(_ id: String) -> Function {
        Function(id, runtime: .nodejs22, handler: "index.handler", code: .inline("exports.handler = async () => ({});"))
    }

    @Test func anAuthorizerUsedByTwoAPIsIsRefused() {
        #expect {
            try synthesize {
                let handler = Self.function("Handler")
                let check = Self.function("Check")
                let auth = LambdaAuthorizer("Auth", handler: check)
                RestApi("One") { Route(.get, "/a", to: handler, authorization: .lambda(auth)) }
                RestApi("Two") { Route(.get, "/b", to: handler, authorization: .lambda(auth)) }
            }
        } throws: { "\($0)".contains("used by routes of 2 APIs") }
    }

    @Test func aCachingRequestAuthorizerNeedsIdentitySources() {
        #expect {
            try synthesize {
                let handler = Self.function("Handler")
                let auth = LambdaAuthorizer("Auth", handler: Self.function("Check"), kind: .request(identitySources: []))
                RestApi("Api") { Route(.get, "/a", to: handler, authorization: .lambda(auth)) }
            }
        } throws: { "\($0)".contains("needs identity sources") }
    }

    @Test func aRouteWithAnAuthorizerIsCustomAndNamesIt() throws {
        let template = try synthesize {
            let handler = Self.function("Handler")
            let auth = LambdaAuthorizer("Auth", handler: Self.function("Check"))
            RestApi("Api") { Route(.get, "/a", to: handler, authorization: .lambda(auth)) }
        }
        let method = try #require(template.resources.values.first { $0.type == "AWS::ApiGateway::Method" })
        #expect(method.properties["AuthorizationType"] == "CUSTOM")
        #expect(method.properties["AuthorizerId"] == .ref(logicalId("Auth/Resource")))
    }
}

@Suite struct HttpAuthorizerTests {
    @Test func anAuthorizerOfTheOtherKindOfAPIIsRefused() {
        let handler = AuthorizerTests.function("Handler")
        #expect {
            try synthesize {
                let jwt = HttpAuthorizer.jwt("Jwt", issuer: "https://issuer.example.com", audience: ["shop"])
                RestApi("Api") { Route(.get, "/a", to: handler, authorization: .http(jwt)) }
            }
        } throws: { "\($0)".contains("cannot authorize a REST API route") }
        #expect {
            try synthesize {
                let auth = LambdaAuthorizer("Auth", handler: AuthorizerTests.function("Check"))
                HttpApi("Api") { Route(.get, "/a", to: handler, authorization: .lambda(auth)) }
            }
        } throws: { "\($0)".contains("cannot authorize an HTTP API route") }
    }

    @Test func routesSharingAnAuthorizerDeclareItOnce() throws {
        let template = try synthesize {
            let handler = AuthorizerTests.function("Handler")
            let jwt = HttpAuthorizer.jwt("Jwt", issuer: "https://issuer.example.com", audience: ["shop"])
            HttpApi("Api") {
                Route(.get, "/a", to: handler, authorization: .http(jwt))
                Route(.post, "/b", to: handler, authorization: .http(jwt, scopes: ["b:write"]))
            }
        }
        #expect(template.resources.values.filter { $0.type == "AWS::ApiGatewayV2::Authorizer" }.count == 1)
    }

    @Test func theDefaultAuthorizerAndScopesReachEveryRouteNotGivenItsOwn() throws {
        let template = try synthesize {
            let handler = AuthorizerTests.function("Handler")
            let jwt = HttpAuthorizer.jwt("Jwt", issuer: "https://issuer.example.com", audience: ["shop"])
            HttpApi("Api", defaultAuthorizer: jwt, defaultAuthorizationScopes: ["orders/read", "orders/read"]) {
                Route(.get, "/a", to: handler)
                Route(.post, "/a", to: handler, authorization: .http(jwt, scopes: ["orders/write"]))
                Route(.get, "/health", to: handler, authorization: .none)
                Route(.get, "/iam", to: handler, authorization: .iam)
            }
        }
        let inherited = try #require(template.resources[logicalId("Api/GET--a/Resource")])
        #expect(inherited.properties["AuthorizationType"] == "JWT")
        #expect(inherited.properties["AuthorizerId"] == .ref(logicalId("Api/Jwt/Resource")))
        #expect(inherited.properties["AuthorizationScopes"] == ["orders/read"])
        #expect(template.resources[logicalId("Api/POST--a/Resource")]?.properties["AuthorizationScopes"] == ["orders/write"])
        // As CDK's `HttpNoneAuthorizer` and `HttpIamAuthorizer`: their own type, with the default scopes.
        let health = try #require(template.resources[logicalId("Api/GET--health/Resource")])
        #expect(health.properties["AuthorizationType"] == "NONE")
        #expect(health.properties["AuthorizerId"] == nil)
        #expect(health.properties["AuthorizationScopes"] == ["orders/read"])
        #expect(template.resources[logicalId("Api/GET--iam/Resource")]?.properties["AuthorizationType"] == "AWS_IAM")
        #expect(template.resources.values.filter { $0.type == "AWS::ApiGatewayV2::Authorizer" }.count == 1)
    }

    @Test func defaultScopesWithoutADefaultAuthorizerReachOnlyRoutesGivenAnAuthorization() throws {
        let template = try synthesize {
            let handler = AuthorizerTests.function("Handler")
            HttpApi("Api", defaultAuthorizationScopes: ["orders/read"]) {
                Route(.get, "/a", to: handler)
                Route(.get, "/b", to: handler, authorization: .none)
            }
        }
        #expect(template.resources[logicalId("Api/GET--a/Resource")]?.properties["AuthorizationScopes"] == nil)
        #expect(template.resources[logicalId("Api/GET--b/Resource")]?.properties["AuthorizationScopes"] == ["orders/read"])
    }

    @Test func aUserPoolAuthorizerTrustsThePoolsTokensForAClientMadeForIt() throws {
        let template = try synthesize {
            let handler = AuthorizerTests.function("Handler")
            let pool = UserPool("Pool")
            pool
            let cognito = HttpAuthorizer.userPool("Cognito", pool: pool)
            HttpApi("Api", defaultAuthorizer: cognito) { Route(.get, "/a", to: handler) }
        }
        let client = logicalId("Pool/UserPoolAuthorizerClient/Resource")
        #expect(template.resources[client]?.type == "AWS::Cognito::UserPoolClient")
        let authorizer = try #require(template.resources[logicalId("Api/Cognito/Resource")])
        #expect(authorizer.properties["AuthorizerType"] == "JWT")
        #expect(authorizer.properties["JwtConfiguration"]?["Audience"] == [.ref(client)])
        #expect(
            authorizer.properties["JwtConfiguration"]?["Issuer"]
                == .join("", ["https://cognito-idp.", .pseudo(.region), ".amazonaws.com/", .ref(logicalId("Pool/Resource"))]))
        #expect(template.resources[logicalId("Api/GET--a/Resource")]?.properties["AuthorizationType"] == "JWT")
    }

    @Test func aUserPoolAuthorizerWithNoClientIsRefused() {
        let handler = AuthorizerTests.function("Handler")
        #expect(
            synthesisError {
                let pool = UserPool("Pool")
                HttpApi("Api") { Route(.get, "/a", to: handler, authorization: .http(.userPool("Cognito", pool: pool, clients: []))) }
            }?.code == .invalidSetting)
    }
}

@Suite struct UsagePlanTests {
    @Test func aKeyInTwoPlansIsDeclaredOnce() throws {
        let template = try synthesize {
            let api = RestApi("Api") { Route(.get, "/a", to: AuthorizerTests.function("Handler"), apiKeyRequired: true) }
            let key = ApiKey("Key")
            api
            api.usagePlan("Basic", apiKeys: [key])
            api.usagePlan("Premium", throttle: .init(rateLimit: 100), apiKeys: [key])
        }
        #expect(template.resources.values.filter { $0.type == "AWS::ApiGateway::ApiKey" }.count == 1)
        #expect(template.resources.values.filter { $0.type == "AWS::ApiGateway::UsagePlanKey" }.count == 2)
    }

    @Test func aNegativeQuotaIsRefused() {
        #expect {
            try synthesize {
                let api = RestApi("Api") { Route(.get, "/a", to: AuthorizerTests.function("Handler")) }
                api
                api.usagePlan("Basic", quota: .init(limit: -1, period: .day))
            }
        } throws: { "\($0)".contains("quota limit cannot be negative") }
    }

    @Test func aMethodThrottleNeedsTheRoute() {
        #expect {
            try synthesize {
                let api = RestApi("Api") { Route(.get, "/orders", to: AuthorizerTests.function("Handler")) }
                api
                api.usagePlan("Basic", methodThrottles: [.init(.post, "/orders", .init(rateLimit: 1))])
            }
        } throws: { "\($0)".contains("no route POST /orders") }
    }
}
