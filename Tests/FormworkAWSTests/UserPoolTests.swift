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

    @Test func standardAttributesAreWrittenInCDKsOrderWithItsDefaults() throws {
        let template = try synthesize {
            UserPool(
                "Pool",
                standardAttributes: .init(email: .init(required: true, mutable: false), fullname: .init(), phoneNumber: .init(required: true)))
        }
        #expect(
            template.resources[logicalId("Pool/Resource")]?.properties["Schema"] == [
                ["Mutable": false, "Name": "email", "Required": true],
                ["Mutable": true, "Name": "name", "Required": false],
                ["Mutable": true, "Name": "phone_number", "Required": true],
            ])
    }

    @Test func customAttributesFollowTheStandardOnesInTheOrderGiven() throws {
        let template = try synthesize {
            UserPool(
                "Pool", standardAttributes: .init(email: .init(required: true)),
                customAttributes: [
                    "tier": .string(minLen: 1, maxLen: 16, mutable: false), "age": .number(min: 0, max: 150), "score": .number(min: 0),
                    "vip": .boolean(), "joined": .dateTime(mutable: true),
                ])
        }
        #expect(
            template.resources[logicalId("Pool/Resource")]?.properties["Schema"] == [
                ["Mutable": true, "Name": "email", "Required": true],
                ["AttributeDataType": "String", "Mutable": false, "Name": "tier", "StringAttributeConstraints": ["MaxLength": "16", "MinLength": "1"]],
                ["AttributeDataType": "Number", "Name": "age", "NumberAttributeConstraints": ["MaxValue": "150", "MinValue": "0"]],
                ["AttributeDataType": "Number", "Name": "score"],
                ["AttributeDataType": "Boolean", "Name": "vip"],
                ["AttributeDataType": "DateTime", "Mutable": true, "Name": "joined"],
            ])
    }

    @Test func aPoolWithoutAttributesWritesNoSchema() throws {
        let template = try synthesize { UserPool("Pool", standardAttributes: .init(), customAttributes: [:]) }
        #expect(template.resources[logicalId("Pool/Resource")]?.properties["Schema"] == nil)
    }

    @Test(arguments: [
        ("tenant", UserPool.CustomAttribute.string(minLen: -1), "cannot be less than 0"),
        ("tenant", .string(maxLen: 2049), "cannot be greater than 2048"),
        ("", .boolean(), "1 to 20 characters"),
        (String(repeating: "a", count: 21), .dateTime(), "1 to 20 characters"),
    ])
    func aCustomAttributeCognitoRefusesIsRefused(name: String, attribute: UserPool.CustomAttribute, message: String) {
        let error = synthesisError { UserPool("Pool", customAttributes: [name: attribute]) }
        #expect(error?.code == .invalidSetting)
        #expect(error?.paths == ["Test/Pool"])
        #expect(error?.message.contains(message) == true)
    }

    @Test func aResourceServerIsWrittenUnderItsPoolNamedAfterItsIdentifier() throws {
        let template = try synthesize {
            let pool = UserPool("Pool")
            pool
            pool.resourceServer("Api", identifier: "orders", scopes: [.init(scopeName: "read", scopeDescription: "Read orders")])
        }
        let server = try #require(template.resources[logicalId("Pool/Api/Resource")])
        #expect(server.type == "AWS::Cognito::UserPoolResourceServer")
        #expect(
            server.properties == [
                "Identifier": "orders", "Name": "orders", "Scopes": [["ScopeDescription": "Read orders", "ScopeName": "read"]],
                "UserPoolId": .ref(logicalId("Pool/Resource")),
            ])
    }

    @Test func aResourceServerWithoutScopesWritesNoneAndWithAnEmptyListWritesIt() throws {
        let template = try synthesize {
            let pool = UserPool("Pool")
            pool
            pool.resourceServer("Api", identifier: "orders", userPoolResourceServerName: "Orders API")
            pool.resourceServer("Admin", identifier: "admin", scopes: [])
        }
        #expect(template.resources[logicalId("Pool/Api/Resource")]?.properties["Scopes"] == nil)
        #expect(template.resources[logicalId("Pool/Api/Resource")]?.properties["Name"] == "Orders API")
        #expect(template.resources[logicalId("Pool/Admin/Resource")]?.properties["Scopes"] == [])
    }

    static let refusedServers: [(String, [UserPoolResourceServer.Scope], String)] = [
        ("orders api", [], "the identifier"),
        ("", [], "the identifier"),
        ("orders", [UserPoolResourceServer.Scope(scopeName: "orders/read", scopeDescription: "Read")], "the scope name"),
        ("orders", [UserPoolResourceServer.Scope(scopeName: "read", scopeDescription: "")], "the description of the scope 'read'"),
        ("orders", (0...100).map { UserPoolResourceServer.Scope(scopeName: "s\($0)", scopeDescription: "d") }, "at most 100 scopes"),
    ]

    @Test(arguments: refusedServers)
    func aResourceServerCognitoRefusesIsRefused(identifier: String, scopes: [UserPoolResourceServer.Scope], message: String) {
        let pool = UserPool("Pool")
        let error = synthesisError {
            pool
            pool.resourceServer("Api", identifier: identifier, scopes: scopes)
        }
        #expect(error?.code == .invalidSetting)
        #expect(error?.paths == ["Test/PoolApi"])
        #expect(error?.message.contains(message) == true)
    }

    @Test func aClientCredentialsClientAsksForTheServersScopesAndHasNoCallback() throws {
        let read = UserPoolResourceServer.Scope(scopeName: "read", scopeDescription: "Read orders")
        let template = try synthesize {
            let pool = UserPool("Pool")
            let server = pool.resourceServer("Api", identifier: "orders", scopes: [read])
            pool
            server
            pool.client("Machine", generateSecret: true, oAuth: .init(flows: [.clientCredentials], scopes: [.resourceServer(server, read)]))
        }
        let client = try #require(template.resources[logicalId("Pool/Machine/Resource")])
        #expect(client.properties["AllowedOAuthFlows"] == ["client_credentials"])
        #expect(client.properties["AllowedOAuthScopes"] == [.join("", [.ref(logicalId("Pool/Api/Resource")), "/read"])])
        #expect(client.properties["CallbackURLs"] == nil)
        #expect(client.properties["GenerateSecret"] == true)
    }

    @Test func clientCredentialsWithAnotherGrantIsRefused() {
        let pool = UserPool("Pool")
        let error = synthesisError {
            pool
            pool.client("Machine", oAuth: .init(flows: [.clientCredentials, .authorizationCodeGrant], scopes: ["orders/read"]))
        }
        #expect(error?.code == .invalidSetting)
        #expect(error?.message.contains("clientCredentials") == true)
    }

    @Test func aCodeGrantWithNoCallbackURLIsRefused() {
        let pool = UserPool("Pool")
        let error = synthesisError {
            pool
            pool.client("Web", oAuth: .init(flows: [.authorizationCodeGrant], callbackURLs: []))
        }
        #expect(error?.code == .invalidSetting)
        #expect(error?.message.contains("callbackURLs must not be empty") == true)
    }

    @Test func scopesAreWrittenOnceWithOpenidAddedForTheIdentityScopes() throws {
        let template = try synthesize {
            let pool = UserPool("Pool")
            pool
            pool.client("Web", oAuth: .init(scopes: [.email, .custom("shop/orders.read"), .email]))
            pool.client("Admin", oAuth: .init(scopes: [.cognitoAdmin, "shop/orders.read"]))
        }
        #expect(template.resources[logicalId("Pool/Web/Resource")]?.properties["AllowedOAuthScopes"] == ["email", "shop/orders.read", "openid"])
        #expect(
            template.resources[logicalId("Pool/Admin/Resource")]?.properties["AllowedOAuthScopes"] == ["aws.cognito.signin.user.admin", "shop/orders.read"])
    }
}
