import Foundation
import FormworkSchema
import FormworkTemplate
import Testing

/// The verdicts against what the real `cdk diff` reported for the reference template pairs.
@Suite struct ReplacementVerdictTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        var description: String { name }
        var folder: URL { BrokenTemplates.fixtures.appendingPathComponent("diff-cases/\(name)") }
    }

    static let cases = ["lambda-name-replace", "queue-visibility-update", "rule-name-replace", "table-key-replace"].map(Case.init)

    /// The top-level properties whose values differ between two versions of a resource.
    static func changedProperties(_ old: Template.Resource, _ new: Template.Resource) -> [String] {
        let names = Set(old.properties.keys).union(new.properties.keys)
        return names.sorted().filter { old.properties[$0] != new.properties[$0] }
    }

    @Test(arguments: cases)
    func directlyChangedResourcesAreClassifiedAsCDKDiffClassifiesThem(diffCase: Case) throws {
        let old = try Template.read(contentsOf: diffCase.folder.appendingPathComponent("old.json").path)
        let new = try Template.read(contentsOf: diffCase.folder.appendingPathComponent("new.json").path)
        let expected = try JSONReader.parse(String(contentsOf: diffCase.folder.appendingPathComponent("expected.json"), encoding: .utf8))
        for (logicalId, action) in try #require(expected["resources"]?.objectValue) {
            guard let before = old.resources[logicalId], let after = new.resources[logicalId] else { continue }
            let changed = Self.changedProperties(before, after)
            guard !changed.isEmpty else { continue }  // changed only through a replaced resource it references
            let metadata = try #require(ResourceMetadataCatalog.shared[after.type])
            let verdict = changed.map { metadata.replacement(for: PropertyPath([$0])) }.max() ?? .never
            #expect(verdict == (action == "replace" ? .always : .never), "\(logicalId): \(changed)")
        }
    }

    @Test func aPermissionsSourceArnReplacesSoAReplacedRulePropagates() throws {
        let permission = try #require(ResourceMetadataCatalog.shared["AWS::Lambda::Permission"])
        #expect(permission.replacement(for: PropertyPath(["SourceArn"])) == .always)
    }
}
