import Foundation
import FormworkCLI
import Testing

/// `validate` on the rule catalogue (`Tests/FormworkSchemaTests/Fixtures/rule-catalogue/`): one broken
/// template per cfn-lint E rule, on which cfn-lint reports that rule (`Scripts/validation-corpus/rule_checklist.py`
/// re-checks it). Each is rejected, except those `rule-catalogue-known.json` lists as not implemented yet; a
/// listed one that is rejected now fails here until it leaves the list, so the list only shrinks.
@Suite struct RuleCatalogueTests {
    static let catalogue = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FormworkSchemaTests/Fixtures/rule-catalogue")

    static let templates: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: catalogue.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()

    static let knownMisses: [String: String] = {
        struct Known: Decodable { var misses: [String: String] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("rule-catalogue-known.json")
        guard let data = try? Data(contentsOf: url), let known = try? JSONDecoder().decode(Known.self, from: data) else { return [:] }
        return known.misses
    }()

    @Test func theCatalogueHasATemplatePerRule() {
        #expect(Self.templates.count >= 150, "\(Self.templates.count) templates")
        #expect(Self.knownMisses.keys.allSatisfy(Self.templates.contains))
    }

    @Test(arguments: templates)
    func validateRejectsWhatCfnLintRejects(template: String) {
        let result = CommandRunner.run(["validate", Self.catalogue.appendingPathComponent(template).path], root: FormworkTool.self)
        if let rule = Self.knownMisses[template] {
            #expect(result.status == .done, "\(template) is rejected now: remove it from rule-catalogue-known.json (\(rule) is implemented)")
        } else {
            #expect(result.status == .badInput, "\(template) passes, but cfn-lint rejects it (\(template.prefix { $0 != "-" }))")
        }
    }
}
