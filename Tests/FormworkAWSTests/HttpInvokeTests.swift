import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct HttpInvokeTests {
    @Test func textInTheEndpointFormatIsQuotedAndEscapedAndPathsAreNot() throws {
        let connection = Connection("Conn", authorization: .apiKey(name: "x-api-key", value: "k"))
        let template = try synthesize {
            connection
            StateMachine(
                "Machine",
                definition: Chain(
                    State.httpInvoke(
                        "Call", connection: connection, apiRoot: "https://api.example.com/o'brien",
                        apiEndpoint: "$.path", method: "GET")))
        }
        let machine = try #require(template.resources.values.first { $0.type == "AWS::StepFunctions::StateMachine" })
        let parts = machine.properties["DefinitionString"]?["Fn::Join"]?.arrayValue?.last?.arrayValue ?? []
        let text = parts.compactMap(\.stringValue).joined()
        #expect(text.contains(#"States.Format('{}/{}', 'https://api.example.com/o\\'brien', $.path)"#))
    }

    @Test func anOAuthEndpointMustBeHTTPSAndCalledWithAMethodEventBridgeUses() {
        #expect {
            try synthesize {
                Connection("Conn", authorization: .oauth(endpoint: "http://auth.example.com", clientId: "c", clientSecret: "s", httpMethod: "POST"))
            }
        } throws: { "\($0)".contains("https://") }
        #expect {
            try synthesize {
                Connection("Conn", authorization: .oauth(endpoint: "https://auth.example.com", clientId: "c", clientSecret: "s", httpMethod: "DELETE"))
            }
        } throws: { "\($0)".contains("GET, POST or PUT") }
    }
}
