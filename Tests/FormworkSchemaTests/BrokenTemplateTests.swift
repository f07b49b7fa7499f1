import Foundation
import FormworkSchema
import FormworkTemplate
import Testing

/// What the validator must report for one broken template of the catalog.
struct ExpectedIssue: Decodable, Sendable {
    let rule: String
    let path: String
    let message: String
}

enum BrokenTemplates {
    static var fixtures: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }

    static let expected: [String: ExpectedIssue] = {
        let data = try! Data(contentsOf: fixtures.appendingPathComponent("broken-expected.json"))
        return try! JSONDecoder().decode([String: ExpectedIssue].self, from: data)
    }()

    static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
    }
}

@Suite struct BrokenTemplateTests {
    @Test func theCatalogHasABrokenTemplateForEveryRule() {
        let files = BrokenTemplates.files(in: "broken") + BrokenTemplates.files(in: "beyond-cfn-lint")
        #expect(files.count >= 30)
        #expect(
            Set(files.map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: "") })
                == Set(BrokenTemplates.expected.keys))
    }

    @Test(arguments: BrokenTemplates.files(in: "broken") + BrokenTemplates.files(in: "beyond-cfn-lint"))
    func brokenTemplateIsRejectedWithTheRightMessage(file: String) throws {
        let name = (file as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: "")
        let expected = try #require(BrokenTemplates.expected[name])
        let template = try Template.read(contentsOf: BrokenTemplates.fixtures.appendingPathComponent(file).path)
        let errors = TemplateValidator().validate(template).filter { $0.severity == .error }
        let match = errors.first { $0.rule == expected.rule && $0.path.joined(separator: ".") == expected.path }
        #expect(match != nil, "expected \(expected.rule) at \(expected.path); found \(errors)")
        #expect(match?.message.contains(expected.message) == true, "\(match?.message ?? "")")
    }
}
