import Foundation
import FormworkTemplate
import FormworkTestSupport
import Testing

/// Inputs crafted to crash, hang or change data (issue #12): each is refused with a position, or read and
/// written back exactly as it was written.
@Suite struct HostileInputTests {
    func roundTrips(_ json: String) throws -> (viaJSON: String, viaYAML: String) {
        let template = try Template.parse(json, format: .json)
        let yaml = try template.text(in: .yaml)
        let reread = try Template.parse(yaml, format: .yaml)
        #expect(reread == template)
        return (try template.text(in: .json), try reread.text(in: .json))
    }

    // MARK: JSON escapes and numbers

    @Test(arguments: [#"{"a": "\u+abc"}"#, #"{"a": "\u-000"}"#, #"{"a": "\u 12f"}"#])
    func unicodeEscapesTakeExactlyFourHexDigits(text: String) {
        #expect(throws: SourceError.self) { try JSONReader.parse(text) }
    }

    @Test(arguments: ["9007199254740993", "18446744073709551616", "1e999", "-1e999", "0.10000000000000000001", "123456789012345678901234567890"])
    func numbersADoubleWouldChangeKeepTheirText(number: String) throws {
        let json = #"{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": \#(number)}}}}"#
        let template = try Template.parse(json, format: .json)
        #expect(template.resources["Q"]?.properties["DelaySeconds"] == .numberText(number))
        let (viaJSON, viaYAML) = try roundTrips(json)
        #expect(viaJSON.contains("\"DelaySeconds\": \(number)\n"))
        #expect(viaYAML == viaJSON)
    }

    @Test(arguments: ["5", "0.1", "1e300", "-0.5", "1.5e-7"])
    func numbersADoubleHoldsStayNumbers(number: String) throws {
        let value = try JSONReader.parse(#"{"n": \#(number)}"#)
        guard case .number? = value["n"] else {
            Issue.record("\(number) read as \(String(describing: value["n"]))")
            return
        }
    }

    // MARK: YAML

    @Test func overflowingBase60IntegerIsAnErrorNotACrash() {
        #expect(throws: SourceError.self) { try YAMLReader.parse("a: 9223372036854775807:59\n") }
    }

    @Test func longDecimalYAMLIntegerKeepsItsText() throws {
        #expect(try YAMLReader.parse("a: 123456789012345678901234567890\n")["a"] == .numberText("123456789012345678901234567890"))
        #expect(try YAMLReader.parse("a: 0x10\n")["a"] == .number(16))
    }

    @Test func aliasChainDeeperThanTheLimitIsRefusedAtOnce() throws {
        var lines = ["a0: &a0 [1]"]
        for level in 1...3_000 { lines.append("a\(level): &a\(level) [*a\(level - 1)]") }
        let error = #expect(throws: SourceError.self) { try YAMLReader.parse(lines.joined(separator: "\n")) }
        #expect(error?.message.contains("deeper than \(YAMLReader.maximumDepth)") == true)
    }

    @Test func aliasesAsKeysAreRefusedInsteadOfHashingTheirExpansion() throws {
        var lines = ["m0: &m0 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"]
        for level in 1...11 { lines.append("m\(level): &m\(level) [" + Array(repeating: "*m\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        lines.append("k: {? *m11 : 1}")
        #expect(throws: SourceError.self) { try YAMLReader.parse(lines.joined(separator: "\n")) }
    }

    @Test func mappingAliasBombIsRefusedByExpandedSize() throws {
        var lines = ["m0: &m0 {k0: 1, k1: 2, k2: 3, k3: 4, k4: 5, k5: 6, k6: 7, k7: 8, k8: 9, k9: 10}"]
        for level in 1...9 { lines.append("m\(level): &m\(level) {" + (0..<10).map { "x\($0): *m\(level - 1)" }.joined(separator: ", ") + "}") }
        let error = #expect(throws: SourceError.self) { try YAMLReader.parse(lines.joined(separator: "\n")) }
        #expect(error?.message.contains("aliases expand") == true)
    }

    @Test func aliasesWithinTheBudgetExpand() throws {
        let value = try YAMLReader.parse("a: &x {k: [1, 2]}\nb: *x\n")
        #expect(value["b"] == ["k": [1, 2]])
    }

    @Test(arguments: ["!Ref a: 1\n", "!!int 5: x\n", "? !Sub x\n: 1\n"])
    func aTagOnAMappingKeyIsAnError(yaml: String) {
        #expect(throws: SourceError.self) { try YAMLReader.parse(yaml) }
    }

    @Test(arguments: ["a: !!python/object:os.system x\n", "a: !!binary aGk=\n", "a: !<tag:example.com,2000:x> y\n", "a: !Foo x\n"])
    func unknownTagsAreErrorsNotStrings(yaml: String) {
        #expect(throws: SourceError.self) { try YAMLReader.parse(yaml) }
    }

    @Test func duplicateKeysAndSecondDocumentsAreErrorsWithPositions() throws {
        let duplicate = #expect(throws: SourceError.self) { try YAMLReader.parse("a: 1\nb: 2\na: 3\n") }
        #expect(duplicate?.line == 3)
        #expect(throws: SourceError.self) { try YAMLReader.parse("a: 1\n---\nb: 2\n") }
    }

    @Test func keyStartingWithAByteOrderMarkSurvivesYAML() throws {
        let json = "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\", \"Metadata\": {\"\\ufeffkey\": \"\\ufeffvalue\"}}}}"
        let template = try Template.parse(json, format: .json)
        let reread = try Template.parse(try template.text(in: .yaml), format: .yaml)
        #expect(reread.resources["Q"]?.metadata?["\u{FEFF}key"] == "\u{FEFF}value")
    }

    // MARK: Files

    @Test func twoByteOrderMarksAreAnError() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write(bytes: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("{}".utf8), to: "t.json")
        #expect(throws: TemplateReadError.self) { try TemplateFile.text(at: path) }
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write(bytes: Array("{\"a\":\n \"x".utf8) + [0xFF] + Array("\"}".utf8), to: "t.json")
        let error = #expect(throws: TemplateReadError.self) { try TemplateFile.text(at: path) }
        guard case .syntax(let located)? = error else {
            Issue.record("not a syntax error: \(String(describing: error))")
            return
        }
        #expect((located.line, located.column) == (2, 4))
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        let folder = try TemporaryDirectory()
        let units = Array("{\"a\": \"é\"}".utf16)
        let path = try folder.write(bytes: [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, to: "t.json")
        #expect(try TemplateFile.text(at: path) == "{\"a\": \"é\"}")
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("fifo")
        #expect(mkfifo(path, 0o600) == 0)
        let error = #expect(throws: TemplateReadError.self) { try TemplateFile.text(at: path) }
        #expect(error?.description.contains("FIFO") == true)
    }

    // MARK: Template attributes kept as written

    @Test(arguments: ["1e999", "18446744073709551616", "\"5\"", "\"1e300\""])
    func parameterLengthsOfAnySizeAreKeptWithoutTrapping(length: String) throws {
        let json =
            #"{"Parameters": {"P": {"Type": "String", "MaxLength": \#(length), "MinLength": \#(length)}}, "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}"#
        let (viaJSON, viaYAML) = try roundTrips(json)
        #expect(viaJSON.contains("\"MaxLength\": \(length)"))
        #expect(viaYAML == viaJSON)
    }

    @Test func aParameterLengthThatIsNotADecimalNumberIsAnError() {
        let json = #"{"Parameters": {"P": {"Type": "String", "MaxLength": "0x10"}}, "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}"#
        #expect(throws: TemplateReadError.self) { try Template.parse(json, format: .json) }
    }

    @Test func aNaNParameterBoundEqualsItself() throws {
        let yaml = "Parameters:\n  P:\n    Type: Number\n    MaxValue: nan\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n"
        #expect(throws: TemplateReadError.self) { try Template.parse(yaml, format: .yaml) }
        let quoted = "Parameters:\n  P:\n    Type: Number\n    MaxValue: .nan\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n"
        #expect(throws: TemplateReadError.self) { try Template.parse(quoted, format: .yaml) }
    }

    @Test func exportKeysBesidesNameAreKept() throws {
        let json = #"{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}, "Outputs": {"O": {"Value": "v", "Export": {"Name": "n", "Extra": 1}}}}"#
        let (viaJSON, _) = try roundTrips(json)
        #expect(viaJSON.contains("\"Extra\": 1"))
    }

    // MARK: Positions on one long line

    @Test func positionsOnMinifiedJSONCountColumnsInScalars() throws {
        let text = #"{"Resources":{"A":{"Type":"é"},"B":{"Type":"x"}}}"#
        let map = try JSONReader.parseWithSourceMap(text).sourceMap
        #expect(map.position(of: ["Resources", "B"]) == SourceMap.Position(line: 1, column: 32))
    }
}
