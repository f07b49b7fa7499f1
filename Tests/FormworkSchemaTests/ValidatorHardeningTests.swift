import FormworkSchema
import FormworkTemplate
import Testing

/// Invalid templates the validator used to pass, and inputs that made it slow or crash (issue #12).
@Suite struct ValidatorHardeningTests {
    func errors(_ json: String) throws -> [ValidationIssue] {
        TemplateValidator().validate(try Template.parse(json, format: .json)).filter { $0.severity == .error }
    }

    func withResource(_ properties: String) -> String {
        #"{"Resources": {"A": {"Type": "AWS::SQS::Queue"}, "B": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": \#(properties)}}}}"#
    }

    @Test func aTemplateWithoutResourcesIsAnError() throws {
        #expect(try errors(#"{"Outputs": {"O": {"Value": "x"}}}"#).map(\.rule) == ["no-resources"])
    }

    @Test(arguments: [
        #"{"Fn::GetAtt": []}"#, #"{"Fn::GetAtt": ["A"]}"#, #"{"Fn::GetAtt": ["A", "Arn", "x"]}"#, #"{"Fn::GetAtt": "A"}"#,
        #"{"Ref": ["A"]}"#, #"{"Fn::Sub": []}"#, #"{"Fn::Select": ["a", "b"]}"#, #"{"Fn::Join": [",", "x"]}"#,
        #"{"Fn::If": ["C", "x"]}"#, #"{"Fn::Sub": ["${X}", "not a map"]}"#,
    ])
    func intrinsicsWithArgumentsCloudFormationRefusesAreErrors(value: String) throws {
        #expect(try errors(withResource(value)).contains { $0.rule == "intrinsic-arguments" })
    }

    @Test(arguments: [
        #"{"Fn::GetAtt": ["A", "QueueName"]}"#, #"{"Fn::GetAtt": "A.QueueName"}"#, #"{"Ref": "A"}"#,
        #"{"Fn::Sub": "${A}"}"#, #"{"Fn::Sub": ["${X}", {"X": "y"}]}"#, #"{"Fn::Select": [0, ["a", "b"]]}"#,
        #"{"Fn::Select": ["1", {"Fn::Split": [",", "a,b"]}]}"#, #"{"Fn::Join": [",", {"Fn::Split": [",", "a"]}]}"#,
    ])
    func intrinsicsWithValidArgumentsPass(value: String) throws {
        #expect(try errors(withResource(value)).isEmpty)
    }

    @Test func exportKeysOtherThanNameAreErrors() throws {
        let json = #"{"Resources": {"A": {"Type": "AWS::SQS::Queue"}}, "Outputs": {"O": {"Value": "v", "Export": {"Name": "n", "Extra": 1}}}}"#
        #expect(try errors(json).map(\.path) == [["Outputs", "O", "Export", "Extra"]])
    }

    @Test func aLongDependsOnChainAndItsCycleAreCheckedWithoutRecursion() {
        let count = 100_000
        var template = Template()
        for index in 0..<count {
            var resource = Template.Resource(type: "AWS::SQS::Queue")
            resource.dependsOn = ["R\((index + 1) % count)"]
            template.resources["R\(index)"] = resource
        }
        let cycles = TemplateValidator().validate(template).filter { $0.rule == "circular-dependency" }
        #expect(cycles.count == 1)
        #expect(cycles.first?.related.count == count)
    }

    @Test func aHugeUnknownTypeGetsNoSuggestionInsteadOfMinutesOfWork() throws {
        let type = String(repeating: "X", count: 1_000_000)
        let issues = try errors(#"{"Resources": {"A": {"Type": "\#(type)"}}}"#)
        #expect(issues.map(\.rule) == ["unknown-resource-type"])
        #expect(issues.first?.message.contains("Did you mean") == false)
    }

    @Test func nearMissesStillGetASuggestion() throws {
        let issues = try errors(
            #"{"Resources": {"Queue": {"Type": "AWS::SQS::Queeu"}, "T": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": {"Ref": "Queu"}}}}}"#)
        #expect(issues.map(\.message).contains { $0.hasSuffix("Did you mean 'AWS::SQS::Queue'?") })
        #expect(issues.map(\.message).contains { $0.hasSuffix("Did you mean 'Queue'?") })
    }

    /// `uniqueItems` names the first element that repeats an earlier one, in short lists (compared pairwise)
    /// and long ones (hashed) alike.
    @Test(arguments: [
        (["a", "b", "a", "b"], "Layers.2"), (["a", "b", "c"], nil),
        ((0..<40).map { "l\($0)" } + ["l7"], "Layers.40"), ((0..<40).map { "l\($0)" }, nil),
    ])
    func aRepeatedItemOfAUniqueListIsAnErrorAtItsPosition(layers: [String], repeated: String?) throws {
        let list = layers.map { "\"arn:aws:lambda:us-east-1:123456789012:layer:\($0):1\"" }.joined(separator: ", ")
        let template =
            #"{"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"Role": "arn:aws:iam::123456789012:role/r", "Code": {"ZipFile": "x"}, "Runtime": "python3.13", "Handler": "index.handler", "Layers": [\#(list)]}}}}"#
        let unique = try errors(template).filter { $0.rule == "unique-items" }
        #expect(unique.map { $0.path.suffix(2).joined(separator: ".") } == (repeated.map { [$0] } ?? []))
    }
}
