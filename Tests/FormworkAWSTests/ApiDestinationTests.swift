import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct ApiDestinationTests {
    private let connection = Connection("Conn", authorization: .apiKey(name: "x-api-key", value: "{{resolve:secretsmanager:partner}}"))

    @Test(
        arguments: [("http://api.example.com", "POST", nil), ("https://api.example.com", "FETCH", nil), ("https://api.example.com", "POST", 301)]
            as [(String, String, Int?)])
    func aDestinationEventBridgeCannotCallIsRefused(endpoint: String, method: String, rate: Int?) {
        let destination = ApiDestination("Dest", connection: connection, endpoint: endpoint, httpMethod: method, rateLimitPerSecond: rate)
        #expect {
            try synthesize {
                connection
                destination
            }
        } throws: { error in
            ["https://", "not an HTTP method", "rateLimitPerSecond"].contains { "\(error)".contains($0) }
        }
    }

    @Test func rulesTargetingOneDestinationShareItsRole() throws {
        let destination = ApiDestination("Dest", connection: connection, endpoint: "https://api.example.com/orders")
        let placed = Rule("Placed", pattern: EventPattern(source: ["placed"]))
        let paid = Rule("Paid", pattern: EventPattern(source: ["paid"]))
        let template = try synthesize {
            connection
            destination
            placed
            paid
            placed.target(destination)
            paid.target(destination)
        }
        #expect(template.resources.values.filter { $0.type == "AWS::IAM::Role" }.count == 1)
    }
}
