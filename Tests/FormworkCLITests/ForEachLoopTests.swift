import Foundation
import FormworkCLI
import FormworkTemplate
import FormworkTestSupport
import Testing

/// `Fn::ForEach` under hostile and unlucky input: nested loops that would expand without end stop at a
/// bound with the loop's line and column; loops over a parameter are kept as written by `convert` and
/// compared by `diff`, so removing one is never "no differences".
@Suite struct ForEachLoopTests {
    /// Loops nested `depth` deep, each over `width` items, around one topic.
    static func nestedLoops(depth: Int, width: Int) -> String {
        let items = (0..<width).map { "\"i\($0)\"" }.joined(separator: ", ")
        var fragment = #"{"T\#((0..<depth).map { "${v\($0)}" }.joined())": {"Type": "AWS::SNS::Topic"}}"#
        for level in (0..<depth).reversed() {
            fragment = #"{"Fn::ForEach::L\#(level)": ["v\#(level)", [\#(items)], \#(fragment)]}"#
        }
        return #"{"Transform": "AWS::LanguageExtensions",\#n"Resources": \#(fragment)}"#
    }

    static let tablesOverAParameter = """
        Transform: AWS::LanguageExtensions
        Parameters:
          Names: {Type: CommaDelimitedList}
        Resources:
          Fn::ForEach::Tables:
            - Name
            - !Ref Names
            - Table${Name}:
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  BillingMode: PAY_PER_REQUEST
          Queue: {Type: AWS::SQS::Queue}
        """

    @Test func nestedLoopsThatWouldExplodeStopAtTheBoundWithTheirPlace() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(Self.nestedLoops(depth: 8, width: 10), to: "bomb.json")
        #expect(file.utf8.count < 1_000)
        let started = Date()
        let result = CommandRunner.run(["validate", file], root: FormworkTool.self)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == .badInput)
        #expect(
            result.output.standardError.contains("bomb.json:2:15: Resources.Fn::ForEach::L0: Fn::ForEach expands to more than 250000 values"),
            "\(result.output.standardError)")
    }

    @Test func aStringThatWouldGrowPastTheByteBoundIsRefusedBeforeItIsMade() throws {
        // 20,000 × ${X} with a 10,000-character item: 200 MB of text from a 100 KB template.
        let item = String(repeating: "a", count: 10_000)
        let text = String(repeating: "${X}", count: 20_000)
        let json =
            #"{"Transform": "AWS::LanguageExtensions", "Resources": {"Fn::ForEach::Big": ["X", ["\#(item)"], {"T&{X}": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": "\#(text)"}}}]}}"#
        let started = Date()
        #expect(throws: TemplateReadError.self) { try Template.parse(json, format: .json) }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func loopsWithinTheBoundStillExpand() throws {
        let template = try Template.parse(Self.nestedLoops(depth: 3, width: 10), format: .json)
        #expect(template.resources.count == 1_000)
        #expect(template.resources["Ti0i1i2"]?.type == "AWS::SNS::Topic")
    }

    @Test func convertKeepsALoopOverAParameterAsWritten() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(Self.tablesOverAParameter, to: "tables.yaml")
        let result = CommandRunner.run(["convert", file, "--to", "json"], root: FormworkTool.self)
        #expect(result.status == .done)
        let converted = try JSONReader.parse(result.output.standardOutput)
        let loop = try #require(converted["Resources"]?["Fn::ForEach::Tables"]?.arrayValue)
        #expect(loop.count == 3)
        #expect(loop[1] == ["Ref": "Names"])
        #expect(converted["Resources"]?["Queue"] != nil)
    }

    @Test func removingALoopOfTablesIsADestroyThatFailsTheDiff() throws {
        let folder = try TemporaryDirectory()
        let old = try folder.write(Self.tablesOverAParameter, to: "old.yaml")
        let new = try folder.write(
            "Transform: AWS::LanguageExtensions\nParameters:\n  Names: {Type: CommaDelimitedList}\nResources:\n  Queue: {Type: AWS::SQS::Queue}\n",
            to: "new.yaml")
        let result = CommandRunner.run(["diff", old, new, "--fail", "--format", "json"], root: FormworkTool.self)
        #expect(result.status == .findings)
        let report = try JSONReader.parse(result.output.standardOutput)
        let resource = try #require(report["stacks"]?.arrayValue?.first?["resources"]?.arrayValue?.first)
        #expect(resource["logicalId"] == "Fn::ForEach::Tables")
        #expect(resource["action"] == "destroy")
    }

    @Test func anUnchangedLoopIsNoDifferenceAndAChangedOneMayReplace() throws {
        let folder = try TemporaryDirectory()
        let old = try folder.write(Self.tablesOverAParameter, to: "old.yaml")
        #expect(CommandRunner.run(["diff", old, old, "--fail"], root: FormworkTool.self).status == .done)
        let changed = try folder.write(Self.tablesOverAParameter.replacingOccurrences(of: "PAY_PER_REQUEST", with: "PROVISIONED"), to: "changed.yaml")
        let result = CommandRunner.run(["diff", old, changed, "--format", "json"], root: FormworkTool.self)
        let report = try JSONReader.parse(result.output.standardOutput)
        #expect(report["stacks"]?.arrayValue?.first?["resources"]?.arrayValue?.first?["action"] == "may-replace")
    }
}
