import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct UserPoolTests {
    @Test func mfaWithoutASecondFactorIsRefused() {
        #expect { try synthesize { UserPool("Pool", mfa: .required(otp: false)) } } throws: { "\($0)".contains("otp: true, sms: true") }
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

    @Test(arguments: ["Shop", "-shop", "shop_auth", "my-cognito-login", String(repeating: "a", count: 64)])
    func aDomainPrefixCognitoRefusesIsRefused(prefix: String) {
        let pool = UserPool("Pool")
        #expect {
            try synthesize {
                pool
                pool.domain("Domain", prefix: prefix)
            }
        } throws: { "\($0)".contains("domain prefix") }
    }

    @Test func eachTriggerMayInvokeItsFunctionForThisPoolOnly() throws {
        let fn = inlineFunction("Fn")
        let template = try synthesize {
            fn
            UserPool("Pool", triggers: [.preSignUp: fn, .postConfirmation: fn])
        }
        let permissions = template.resources.filter { $0.value.type == "AWS::Lambda::Permission" }
        #expect(permissions.count == 2)
        #expect(permissions.values.allSatisfy { $0.properties["SourceArn"] == .getAtt(logicalId("Pool/Resource"), "Arn") })
    }
}
