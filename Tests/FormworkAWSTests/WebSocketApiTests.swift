import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct WebSocketApiTests {
    @Test func aRouteKeyMayHaveOneRoute() {
        let fn = inlineFunction("Fn")
        #expect {
            try synthesize {
                WebSocketApi("Live") {
                    WebSocketRoute("send", to: fn)
                    WebSocketRoute("send", to: fn, integrationId: "Other")
                }
            }
        } throws: { "\($0)".contains("two routes are 'send'") }
    }

    @Test(arguments: ["", "prod stage", String(repeating: "s", count: 129)])
    func anInvalidStageNameIsRefused(name: String) {
        let api = WebSocketApi("Live")
        #expect { try synthesize { WebSocketStage("Stage", api: api, stageName: name) } } throws: { "\($0)".contains("stageName") }
    }

    @Test func eachRouteInvokesItsFunctionOnlyForItsKey() throws {
        let fn = inlineFunction("Fn")
        let template = try synthesize {
            WebSocketApi("Live") { WebSocketRoute.connect(to: fn) }
        }
        let permission = template.resources.values.first { $0.type == "AWS::Lambda::Permission" }
        let sourceArn = permission?.properties["SourceArn"]?["Fn::Join"]?.arrayValue?.last?.arrayValue?.last
        #expect(sourceArn == "/*$connect")
    }

    @Test func onlyTheConnectRouteCanBeAuthorized() {
        let fn = inlineFunction("Fn")
        #expect {
            try synthesize { WebSocketApi("Live") { WebSocketRoute("send", to: fn, authorization: .iam) } }
        } throws: { "\($0)".contains("only the $connect route can be authorized") }
    }
}
