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

    @Test func routesSharingAnIntegrationDeclareItOnceUnderTheFirstAndAPermissionEach() throws {
        let function = inlineFunction("Fn")
        let orders = HttpLambdaIntegration("OrdersIntegration", handler: function)
        let template = try synthesize {
            HttpApi("Api") {
                Route(.get, "/orders", to: orders)
                Route(.post, "/orders", to: orders)
                Route(.get, "/health", to: function)
            }
        }
        let shared = logicalId("Api/GET--orders/OrdersIntegration/Resource")
        #expect(template.resources[shared]?.type == "AWS::ApiGatewayV2::Integration")
        #expect(template.resources.values.filter { $0.type == "AWS::ApiGatewayV2::Integration" }.count == 2)
        #expect(template.resources[logicalId("Api/POST--orders/Resource")]?.properties["Target"] == .join("", ["integrations/", .ref(shared)]))
        #expect(
            template.resources[logicalId("Api/GET--health/Resource")]?.properties["Target"]
                == .join("", ["integrations/", .ref(logicalId("Api/GET--health/Integration/Resource"))]))
        #expect(template.resources[logicalId("Api/GET--orders/OrdersIntegration-Permission")]?.type == "AWS::Lambda::Permission")
        #expect(template.resources[logicalId("Api/POST--orders/OrdersIntegration-Permission")]?.type == "AWS::Lambda::Permission")
        #expect(template.resources.values.filter { $0.type == "AWS::Lambda::Permission" }.count == 3)
    }

    @Test func integrationsPermittedForEveryRouteShareOnePermissionPerFunction() throws {
        let function = inlineFunction("Fn")
        let reads = HttpLambdaIntegration("Reads", handler: function, scopePermissionToRoute: false)
        let writes = HttpLambdaIntegration("Writes", handler: function, scopePermissionToRoute: false)
        let template = try synthesize {
            HttpApi("Api") {
                Route(.get, "/orders", to: reads)
                Route(.post, "/orders", to: writes)
                Route(.get, "/orders/{id}", to: reads)
            }
        }
        let functionId = LogicalId.make(["Test", "Fn"]) ?? ""
        let apiId = LogicalId.make(["Test", "Api"]) ?? ""
        let permission = try #require(template.resources[logicalId("Api/GET--orders/ApiPermission.ApiScoped.\(functionId).\(apiId)")])
        #expect(
            permission.properties["SourceArn"]
                == .join(
                    "",
                    ["arn:", .pseudo(.partition), ":execute-api:", .pseudo(.region), ":", .pseudo(.accountId), ":", .ref(logicalId("Api/Resource")), "/*/*/*"]))
        #expect(template.resources.values.filter { $0.type == "AWS::Lambda::Permission" }.count == 1)
        #expect(template.resources.values.filter { $0.type == "AWS::ApiGatewayV2::Integration" }.count == 2)
    }

    @Test func anIntegrationUsedByTwoAPIsIsRefused() {
        let function = inlineFunction("Fn")
        let shared = HttpLambdaIntegration("Shared", handler: function)
        #expect {
            try synthesize {
                HttpApi("One") { Route(.get, "/a", to: shared) }
                HttpApi("Two") { Route(.get, "/a", to: shared) }
            }
        } throws: { "\($0)".contains("used by routes of 2 APIs") }
    }

    @Test func twoIntegrationsWithOneIdAreTwoIntegrations() throws {
        let function = inlineFunction("Fn")
        let template = try synthesize {
            HttpApi("Api") {
                Route(.get, "/a", to: HttpLambdaIntegration("Orders", handler: function))
                Route(.get, "/b", to: HttpLambdaIntegration("Orders", handler: function))
            }
        }
        #expect(template.resources[logicalId("Api/GET--a/Orders/Resource")] != nil)
        #expect(template.resources[logicalId("Api/GET--b/Orders/Resource")] != nil)
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
