import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct SecretTests {
    @Test func aTemplateWithoutAKeyIsRefused() {
        #expect { try synthesize { Secret("S", generate: .init(template: "{}")) } } throws: { "\($0)".contains("both a template and a key") }
        #expect { try synthesize { Secret("S", generate: .init(key: "password")) } } throws: { "\($0)".contains("both a template and a key") }
    }

    @Test func aPasswordLengthOutsideSecretsManagersRangeIsRefused() {
        #expect { try synthesize { Secret("S", generate: .init(length: 4_097)) } } throws: { "\($0)".contains("generate.length") }
    }

    @Test func aSecretIsDeletedWithTheStackUnlessToldAndAlwaysGenerated() throws {
        let secret = try #require(try synthesize { Secret("S") }.resources.values.first)
        #expect(secret.properties == ["GenerateSecretString": [:]])
        #expect(secret.deletionPolicy == "Delete")
    }
}
