import FormworkSchema
import FormworkTemplate
import Testing

/// Numbers no template should hold, held by one: each gets an error or passes, and none traps.
@Suite struct HostileNumberTests {
    func errors(_ json: String) throws -> [ValidationIssue] {
        TemplateValidator().validate(try Template.parse(json, format: .json)).filter { $0.severity == .error }
    }

    @Test(arguments: ["1e300", "9223372036854775808", "-1e300", "18446744073709551616"])
    func aHugeFnSelectIndexIsAnErrorNotATrap(index: String) throws {
        let json = #"{"Resources": {"T": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": {"Fn::Select": [\#(index), ["a", "b"]]}}}}}"#
        let issues = try errors(json)
        #expect(issues.contains { $0.rule == "intrinsic-arguments" && $0.message.contains("of a list of 2") })
    }

    @Test(arguments: ["1e300", "9223372036854775808"])
    func aHugeParameterLengthBoundIsReportedNotATrap(bound: String) throws {
        let json = #"{"Parameters": {"P": {"Type": "String", "Default": "abc", "MinLength": \#(bound)}}, "Resources": {"T": {"Type": "AWS::SNS::Topic"}}}"#
        let issues = try errors(json)
        #expect(issues.contains { $0.message.contains("fewer than the minimum length") })
    }
}
