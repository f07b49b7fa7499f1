import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct UserPoolTests {
    @Test func mfaWithoutAnAppFactorIsRefusedRatherThanWithoutItsSMSRole() {
        #expect { try synthesize { UserPool("Pool", mfa: .required(otp: false)) } } throws: { "\($0)".contains("otp: true") }
    }

    @Test func preferredUsernameAloneIsRefused() {
        #expect { try synthesize { UserPool("Pool", signInAliases: [.preferredUsername]) } } throws: { "\($0)".contains("needs username too") }
    }

    @Test func aTokenLifetimeOutsideCognitosRangeIsRefused() {
        #expect {
            try synthesize {
                let pool = UserPool("Pool")
                pool
                pool.client("Web", accessTokenValidity: .minutes(2))
            }
        } throws: { "\($0)".contains("accessTokenValidity") }
    }

    @Test func theClientIsWrittenUnderItsPool() throws {
        let template = try synthesize {
            let pool = UserPool("Pool")
            pool
            pool.client("Web")
        }
        #expect(template.resources[logicalId("Pool/Web/Resource")]?.type == "AWS::Cognito::UserPoolClient")
    }
}
