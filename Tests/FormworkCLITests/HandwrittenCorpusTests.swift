import Foundation
import FormworkCLI
import Testing

/// `validate` on the hand-written corpus (`Tests/FormworkSchemaTests/Fixtures/handwritten/`): templates
/// people write by hand, each judged by cfn-lint (`verdicts.json`, by `Scripts/validation-corpus/handwritten_verdicts.py`).
/// A template cfn-lint accepts must validate clean; one it rejects must be rejected.
///
/// Where the validator does not agree yet, `handwritten-known.json` says so (false errors with their class,
/// misses with cfn-lint's rules), and each entry must still disagree: a fixed one fails here until it leaves
/// the list, so the list only shrinks (`Scripts/validation-corpus/handwritten_report.py` regenerates the figures).
@Suite struct HandwrittenCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FormworkSchemaTests/Fixtures/handwritten")

    struct Verdict: Decodable {
        var expected: String
        var errors: [String]
    }

    struct Known: Decodable {
        /// Templates cfn-lint accepts that `validate` still rejects, with the class of the false error.
        var falseErrors: [String: String]
        /// Templates cfn-lint rejects that `validate` still accepts, with cfn-lint's rules.
        var misses: [String: String]
    }

    static let verdicts: [String: Verdict] = {
        struct File: Decodable { var templates: [String: Verdict] }
        guard let data = try? Data(contentsOf: corpus.appendingPathComponent("verdicts.json")),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [:] }
        return file.templates
    }()

    static let known: Known = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("handwritten-known.json")
        guard let data = try? Data(contentsOf: url), let known = try? JSONDecoder().decode(Known.self, from: data) else {
            return Known(falseErrors: [:], misses: [:])
        }
        return known
    }()

    @Test func theCorpusAndItsVerdictsAreThere() {
        #expect(Self.verdicts.count >= 250, "\(Self.verdicts.count) verdicts")
        #expect(Self.verdicts.keys.allSatisfy { FileManager.default.fileExists(atPath: Self.corpus.appendingPathComponent($0).path) })
    }

    @Test(arguments: verdicts.keys.sorted())
    func validateAgreesWithCfnLint(template: String) throws {
        let verdict = try #require(Self.verdicts[template])
        let result = CommandRunner.run(["validate", Self.corpus.appendingPathComponent(template).path], root: FormworkTool.self)
        let rejected = result.status != .done
        if verdict.expected == "valid" {
            if let reason = Self.known.falseErrors[template] {
                #expect(rejected, "\(template) validates clean now: remove it from handwritten-known.json (it was a false error: \(reason))")
            } else {
                #expect(!rejected, "a false error on \(template): \(result.output.standardError)")
            }
        } else {
            if let rules = Self.known.misses[template] {
                #expect(!rejected, "\(template) is rejected now: remove it from handwritten-known.json (cfn-lint: \(rules))")
            } else {
                #expect(rejected, "\(template) passes, but cfn-lint rejects it with \(verdict.errors.joined(separator: ", "))")
            }
        }
    }
}
