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
