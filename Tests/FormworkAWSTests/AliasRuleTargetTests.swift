import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

/// A Lambda alias as a rule's target: a destination added by one new file (`Alias+RuleTarget.swift`) through
/// ``RuleTargetDestination``, written as the real CDK writes `LambdaFunction(alias)` (aws-cdk-lib 2.275.0).
@Suite struct AliasRuleTargetTests {
    @Test func aRuleInvokesAnAliasWithAPermissionNamingTheAliasAsCDKWritesIt() throws {
        let function = Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline("x"))
        let alias = Alias("Live", aliasName: "live", version: function.currentVersion)
        let template = try synthesize {
            function
            function.currentVersion
            alias
            Rule("Nightly", schedule: .rate(.hours(1))).target(alias)
        }
        let rule = try #require(template.resources["NightlyC44EE0A7"])
        #expect(rule.properties["Targets"] == [["Arn": ["Ref": "Live848578DF"], "Id": "Target0"]])
        let permission = try #require(template.resources["NightlyAllowEventRuleTestLive57A5DAB13F3525F4"])
        #expect(permission.type == "AWS::Lambda::Permission")
        #expect(
            permission.properties == [
                "Action": "lambda:InvokeFunction", "FunctionName": ["Ref": "Live848578DF"], "Principal": "events.amazonaws.com",
                "SourceArn": ["Fn::GetAtt": ["NightlyC44EE0A7", "Arn"]],
            ])
    }
}
