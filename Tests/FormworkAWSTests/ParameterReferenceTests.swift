import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct ParameterReferenceTests {
    @Test func referencesNameTheParameterAndItsVersionWhenGiven() {
        #expect(StringParameter.resolve("/shop/endpoint") == "{{resolve:ssm:/shop/endpoint}}")
        #expect(StringParameter.resolve("/shop/endpoint", version: 3) == "{{resolve:ssm:/shop/endpoint:3}}")
        #expect(StringParameter.resolveSecure("/shop/key", version: 2) == "{{resolve:ssm-secure:/shop/key:2}}")
    }

    @Test func aSecureReferenceOutsideAPasswordPropertyIsRefusedAtSynthesis() {
        #expect {
            try synthesize {
                Function(
                    "Fn", runtime: .nodejs24, handler: "index.handler", code: .inline("x"),
                    environment: ["KEY": StringParameter.resolveSecure("/shop/key")])
            }
        } throws: { "\($0)".contains("ssm-secure references only in a few password properties") }
    }
}
