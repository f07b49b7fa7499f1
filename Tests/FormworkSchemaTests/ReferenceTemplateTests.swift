import Foundation
import FormworkSchema
import FormworkTemplate
import Testing

@Suite struct ReferenceTemplateTests {
    static var templates: [String] {
        let folder = BrokenTemplates.fixtures.appendingPathComponent("cdk").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { "\(folder)/\($0)" }
    }

    @Test(arguments: templates)
    func cdkTemplateValidatesWithoutIssues(path: String) throws {
        let template = try Template.read(contentsOf: path)
        #expect(TemplateValidator().validate(template) == [])
    }
}
