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
