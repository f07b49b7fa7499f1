import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct HttpApiAndSchemaTests {
    @Test func anHttpApiHasAnAutoDeployedDefaultStageAndOneRouteIntegrationAndPermissionPerRoute() throws {
        let function = inlineFunction("Fn")
        let template = try synthesize {
            HttpApi("Api", cors: .init(allowOrigins: ["https://shop.example.com"]), throttlingRateLimit: 10, throttlingBurstLimit: 20) {
                Route(.get, "/orders/{id}", to: function)
                Route(.post, "/orders", to: function)
            }
        }
        #expect(template.resources[logicalId("Api/DefaultStage/Resource")]?.properties["AutoDeploy"] == true)
        let route = try #require(template.resources[logicalId("Api/GET--orders--{id}/Resource")])
        #expect(route.properties["RouteKey"] == "GET /orders/{id}")
        #expect(route.properties["Target"] == .join("", ["integrations/", .ref(logicalId("Api/GET--orders--{id}/Integration/Resource"))]))
        #expect(template.resources.values.filter { $0.type == "AWS::Lambda::Permission" }.count == 2)
        #expect(template.resources[logicalId("Api/Resource")]?.properties["CorsConfiguration"]?["AllowOrigins"] == ["https://shop.example.com"])
    }

    @Test func twoRoutesWithOneKeyAreAnError() {
        let function = inlineFunction("Fn")
        #expect(
            synthesisError {
                HttpApi("Api") {
                    Route(.get, "/a", to: function)
                    Route(.get, "/a", to: function)
                }
            }?.code == .invalidSetting)
    }

    @Test func aSchemaIsWrittenAsCompactJSONInItsRegistry() throws {
        let template = try synthesize {
            EventSchemaRegistry(
                "Registry", name: "orders",
                schemas: [
                    EventSchema("OrderPlaced", type: .jsonSchemaDraft4, content: ["type": "object", "required": ["orderId"]])
                ])
        }
        let schema = try #require(template.resources[logicalId("Registry/OrderPlaced/Resource")])
        #expect(schema.properties["Content"] == #"{"type":"object","required":["orderId"]}"#)
        #expect(schema.properties["RegistryName"] == .getAtt(logicalId("Registry/Resource"), "RegistryName"))
    }
}
