import Foundation
import FormworkSchema
import FormworkTemplate
import Testing

/// Zero false errors: every template of the valid corpus validates with no error. The corpus is what real
/// tools wrote — the real CDK over many service modules (Scripts/validation-corpus/cdk_corpus.py), the SAM
/// translator's output and its SAM sources (sam_corpus.py), and the CDK templates of the parity harness and
/// the reference patterns.
@Suite struct ValidCorpusTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    static let templates: [String] = {
        let folders = [
            "FormworkSchemaTests/Fixtures/corpus/cdk", "FormworkSchemaTests/Fixtures/corpus/sam",
            "FormworkParityTests/Fixtures/generated", "FormworkParityTests/Fixtures/cdk",
        ]
        return folders.flatMap { folder -> [String] in
            let url = tests.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().map { url.appendingPathComponent($0).path }
        }
    }()

    @Test func theCorpusHasSeveralHundredTemplatesFromEachSource() {
        #expect(Self.templates.count >= 350)
        #expect(Self.templates.filter { $0.contains("corpus/sam") }.count >= 30)
        #expect(Self.templates.filter { $0.contains("corpus/cdk") }.count >= 20)
    }

    @Test func everyValidTemplateValidatesWithNoError() throws {
        let validator = TemplateValidator()
        var failures: [String] = []
        for path in Self.templates {
            let errors = validator.validate(try Template.read(contentsOf: path)).filter { $0.severity == .error }
            if !errors.isEmpty { failures.append("\((path as NSString).lastPathComponent): \(errors.map(\.description).joined(separator: "; "))") }
        }
        #expect(failures == [])
    }
}
