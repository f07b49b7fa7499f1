import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct RestApiTests {
    func deploymentId(_ template: Template) -> String? {
        template.resources.first { $0.value.type == "AWS::ApiGateway::Deployment" }?.key
    }

    @Test func theDeploymentIdIsStableAndChangesWithTheRoutes() throws {
        let function = inlineFunction("Fn")
        let one = try synthesize { RestApi("Api") { Route(.get, "/orders", to: function) } }
        let again = try synthesize { RestApi("Api") { Route(.get, "/orders", to: function) } }
        let two = try synthesize {
            RestApi("Api") {
                Route(.get, "/orders", to: function)
                Route(.post, "/orders", to: function)
            }
        }
        let id = try #require(deploymentId(one))
        #expect(id.hasPrefix(logicalId("Api/Deployment/Resource")))
        #expect(id.count == logicalId("Api/Deployment/Resource").count + 32)
        #expect(deploymentId(again) == id)
        #expect(deploymentId(two) != id)
    }

    @Test func pathParametersBecomeNestedResourcesAndWildcardsInThePermission() throws {
        let function = inlineFunction("Fn")
        let template = try synthesize { RestApi("Api") { Route(.any, "/orders/{id}", to: function) } }
        let parameter = try #require(template.resources[logicalId("Api/Default/orders/{id}/Resource")])
        #expect(parameter.properties["ParentId"] == .ref(logicalId("Api/Default/orders/Resource")))
        let permission = try #require(
            template.resources.values.first {
                $0.type == "AWS::Lambda::Permission"
                    && $0.properties["SourceArn"].map { JSONWriter(style: .compact).string(from: $0).contains("test-invoke-stage") } == false
            })
        let arn = JSONWriter(style: .compact).string(from: permission.properties["SourceArn"] ?? .null)
        #expect(arn.hasSuffix(#""/*/orders/*"]]}"#))
    }

    @Test func aBurstBelowTheRateAndTwoRoutesForOneMethodAndPathAreErrors() {
        let function = inlineFunction("Fn")
        #expect(
            synthesisError {
                RestApi("Api", deploy: .init(throttlingRateLimit: 100, throttlingBurstLimit: 10)) { Route(.get, "/a", to: function) }
            }?.message.contains("burst limit (10) is below the rate limit (100)") == true)
        #expect(
            synthesisError {
                RestApi("Api") {
                    Route(.get, "/a", to: function)
                    Route(.get, "/a/", to: function)
                }
            }?.message == "two routes are 'GET /a'; each method and path may have one route")
    }

    @Test func theEndpointOutputIsTheStageURL() throws {
        let template = try synthesize { RestApi("Api", cloudWatchRole: false) { Route(.get, "/", to: inlineFunction("Fn")) } }
        let endpoint = try #require(template.outputs[logicalId("Api/Endpoint")])
        #expect(JSONWriter(style: .compact).string(from: endpoint.value).hasPrefix(#"{"Fn::Join":["",["https://",{"Ref":"#))
        #expect(!template.resources.values.contains { $0.type == "AWS::ApiGateway::Account" })
    }
}
