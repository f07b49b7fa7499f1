import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct RestApiOptionsTests {
    @Test func corsAddsAPreflightToEveryResourceIncludingTheRoot() throws {
        let function = inlineFunction("Fn")
        let template = try synthesize {
            RestApi("Api", cors: .init(allowOrigins: ["https://shop.example.com"])) { Route(.get, "/orders", to: function) }
        }
        let rootPreflight = try #require(template.resources[logicalId("Api/Default/OPTIONS/Resource")])
        #expect(rootPreflight.properties["Integration"]?["Type"] == "MOCK")
        let ordersPreflight = try #require(template.resources[logicalId("Api/Default/orders/OPTIONS/Resource")])
        #expect(
            ordersPreflight.properties["Integration"]?["IntegrationResponses"]?.arrayValue?.first?["ResponseParameters"]?[
                "method.response.header.Access-Control-Allow-Origin"]
                == "'https://shop.example.com'")
        let deployment = try #require(template.resources.values.first { $0.type == "AWS::ApiGateway::Deployment" })
        #expect(deployment.dependsOn.contains(logicalId("Api/Default/OPTIONS/Resource")))
    }

    @Test func iamAuthorizationRequiredParametersAndAPlainLambdaIntegration() throws {
        let function = inlineFunction("Fn")
        let template = try synthesize {
            RestApi("Api", endpointType: .regional) {
                Route(
                    .get, "/orders", to: function, authorization: .iam, integration: .lambda(statusCodes: ["200"]),
                    requiredParameters: ["querystring.status"])
            }
        }
        let method = try #require(template.resources[logicalId("Api/Default/orders/GET/Resource")])
        #expect(method.properties["AuthorizationType"] == "AWS_IAM")
        #expect(method.properties["Integration"]?["Type"] == "AWS")
        #expect(method.properties["MethodResponses"] == [["StatusCode": "200"]])
        #expect(method.properties["RequestParameters"] == ["method.request.querystring.status": true])
        #expect(method.properties["RequestValidatorId"] == .ref(logicalId("Api/ParametersValidator/Resource")))
        #expect(template.resources[logicalId("Api/Resource")]?.properties["EndpointConfiguration"] == ["Types": ["REGIONAL"]])
    }

    @Test func accessLogsGoToTheLogGroupInTheGivenFormat() throws {
        let logs = LogGroup("ApiLogs", retention: .oneMonth)
        let template = try synthesize {
            RestApi("Api", deploy: .init(accessLog: (destination: logs, format: "$context.requestId"))) {
                Route(.get, "/", to: inlineFunction("Fn"))
            }
        }
        let stage = try #require(template.resources.values.first { $0.type == "AWS::ApiGateway::Stage" })
        #expect(stage.properties["AccessLogSetting"] == ["DestinationArn": .getAtt(logicalId("ApiLogs/Resource"), "Arn"), "Format": "$context.requestId"])
    }

    @Test func aRuleCanForwardToAnotherBusWithARoleAndABusCanAcceptOtherAccounts() throws {
        let target = EventBus("Central", allowPutEventsFromAccounts: ["111122223333"])
        let rule = Rule("Forward", pattern: EventPattern(source: ["orders"]))
        let template = try synthesize {
            target
            rule
            rule.target(target)
        }
        let targets = try #require(template.resources[logicalId("Forward/Resource")]?.properties["Targets"]?.arrayValue)
        #expect(targets.first?["RoleArn"] == .getAtt(logicalId("Forward/EventsRole/Resource"), "Arn"))
        let policy = try #require(template.resources[logicalId("Forward/EventsRole/DefaultPolicy/Resource")])
        #expect(policy.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first?["Action"] == "events:PutEvents")
        #expect(template.resources[logicalId("Central/Policy/Resource")]?.type == "AWS::Events::EventBusPolicy")
    }
}
