import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct StringParameterTests {
    @Test(arguments: ["aws-config", "/ssm/x", "has space", "dollar$", String(repeating: "a", count: 1_012)])
    func aNameSystemsManagerRefusesIsASynthesisError(name: String) {
        #expect(throws: SynthesisError.self) { try synthesize { StringParameter("Param", value: "v", parameterName: name) } }
    }

    @Test(arguments: ["/shop/config/endpoint", "shop-endpoint", "a_b.c-d", "/shop/aws-config"])
    func aValidNameIsWrittenAsGiven(name: String) throws {
        let template = try synthesize { StringParameter("Param", value: "v", parameterName: name) }
        #expect(template.resources.values.first?.properties["Name"] == .string(name))
    }
}
