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

    @Test(arguments: [3, 25_000, 7 * 24 + 0.5] as [Double])
    func aRotationIntervalSecretsManagerRefusesIsRefused(hours: Double) {
        let secret = Secret("Secret")
        let fn = inlineFunction("Rotator")
        #expect {
            try synthesize {
                secret
                fn
                secret.rotation(by: fn, every: .seconds(Int64(hours * 3_600)))
            }
        } throws: { "\($0)".contains("4 hours to 1,000 days") }
    }

    @Test func theRotationPermissionIsNamedAsCDKsGrantInvokeNamesIt() {
        #expect(CDKHash.sha256Base64("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
    }
}
