import Foundation
import FormworkChecks
import Testing

/// The rule pages under Docs/checks are what the rules say of themselves (Scripts/update-check-docs writes
/// them): a rule changed without its page fails here.
@Suite struct CheckDocumentationTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Docs/checks")

    static func page(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test(arguments: ServerlessRules.all.map(\.id))
    func eachRulesPageIsUpToDate(id: String) throws {
        let rule = try #require(ServerlessRules.rule(withID: id))
        #expect(
            try Self.page("\(id).md").trimmingCharacters(in: .newlines) == rule.documentation.trimmingCharacters(in: .newlines),
            "run Scripts/update-check-docs")
    }

    @Test func theIndexListsEveryRule() throws {
        #expect(try Self.page("README.md").trimmingCharacters(in: .newlines) == ServerlessRules.documentationIndex.trimmingCharacters(in: .newlines))
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0 != "README.md" }
        #expect(Set(pages) == Set(ServerlessRules.all.map { "\($0.id).md" }))
    }
}
