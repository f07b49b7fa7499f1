import Foundation
import FormworkDiff
import FormworkTemplate
import Testing

/// The template pairs the real `cdk diff` classified, in Fixtures (ARCHITECTURE.md, "Tests and reference data").
@Suite struct ReferenceDiffCaseTests {
    static var fixtures: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).filter { !$0.hasSuffix(".md") }.sorted()
    }

    static func templates(_ name: String) throws -> (old: Template, new: Template) {
        let folder = fixtures.appendingPathComponent(name)
        let oldFile = FileManager.default.fileExists(atPath: folder.appendingPathComponent("old.yaml").path) ? "old.yaml" : "old.json"
        return (
            try Template.read(contentsOf: folder.appendingPathComponent(oldFile).path),
            try Template.read(contentsOf: folder.appendingPathComponent("new.json").path)
        )
    }

    @Test(arguments: cases)
    func resourceActionsAreThoseCDKDiffReported(name: String) throws {
        let (old, new) = try Self.templates(name)
        let expected = try JSONReader.parse(String(contentsOf: Self.fixtures.appendingPathComponent("\(name)/expected.json"), encoding: .utf8))
        let actions = TemplateDiffer().diff(old: old, new: new).resources.reduce(into: [String: String]()) { $0[$1.logicalId] = $1.action.rawValue }
        let expectedActions = (expected["resources"]?.objectValue ?? [:]).reduce(into: [String: String]()) { $0[$1.key] = $1.value.stringValue }
        #expect(actions == expectedActions)
    }

    @Test(arguments: cases)
    func aTemplateDiffedWithItselfHasNoChange(name: String) throws {
        let (old, new) = try Self.templates(name)
        #expect(TemplateDiffer().diff(old: old, new: old).isEmpty)
        #expect(TemplateDiffer().diff(old: new, new: new).isEmpty)
    }

    @Test(arguments: cases)
    func theReverseDiffMirrorsAdditionsAndRemovals(name: String) throws {
        let (old, new) = try Self.templates(name)
        let forward = TemplateDiffer().diff(old: old, new: new)
        let backward = TemplateDiffer().diff(old: new, new: old)
        let added = Set(forward.resources.filter { $0.action == .add }.map(\.logicalId))
        let removed = Set(backward.resources.filter { $0.action == .destroy || $0.action == .orphan }.map(\.logicalId))
        #expect(added == removed)
        #expect(
            Set(forward.resources.filter { $0.action == .replace && $0.causedBy.isEmpty }.map(\.logicalId))
                == Set(backward.resources.filter { $0.action == .replace && $0.causedBy.isEmpty }.map(\.logicalId)))
    }

    @Test func aReplacementPropagatesToTheResourcesThatReferenceTheReplacedOne() throws {
        let (old, new) = try Self.templates("rule-name-replace")
        let diff = TemplateDiffer().diff(old: old, new: new)
        let permission = try #require(diff.resources.first { $0.type == "AWS::Lambda::Permission" })
        #expect(permission.causedBy == ["ProcessOrderRuleC55BD525"])
        #expect(permission.changes.map(\.replacement) == [.propagated])
    }

    @Test func aTableKeyChangeIsAReplacementThatLosesData() throws {
        let (old, new) = try Self.templates("table-key-replace")
        let table = try #require(TemplateDiffer().diff(old: old, new: new).resources.first)
        #expect(table.changes.first?.path == ["KeySchema", "0", "AttributeName"])
        #expect(table.changes.first?.replacement == .always)
        #expect(table.notes.contains { $0.contains("loses the data") })
    }
}
