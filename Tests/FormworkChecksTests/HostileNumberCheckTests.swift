import FormworkChecks
import FormworkTemplate
import Testing

/// A check rule reading numbers no template should hold: a finding that shows them, never a trap.
@Suite struct HostileNumberCheckTests {
    @Test func aHugeTimeoutInACheckRuleIsAFindingNotATrap() throws {
        let template = try Template.parse(
            #"""
            {"Resources": {
              "Q": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 1e300}},
              "F": {"Type": "AWS::Lambda::Function", "Properties": {"Timeout": 1e301, "Runtime": "nodejs22.x", "Handler": "i.h", "Role": "r", "Code": {"ZipFile": "x"}}},
              "M": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {"EventSourceArn": {"Fn::GetAtt": ["Q", "Arn"]}, "FunctionName": {"Ref": "F"}}}}}
            """#, format: .json)
        let findings = Checker(rules: [.visibilityTimeout]).check(template)
        #expect(findings.map(\.message) == ["the queue hides a message for 1e+300 s, less than six times the 1e+301 s timeout of F, which reads it."])
    }
}
