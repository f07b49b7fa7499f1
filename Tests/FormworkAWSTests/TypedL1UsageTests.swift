import Foundation
import Testing

/// The L2s write CloudFormation through the typed L1 (`FormworkL1`): a resource type, a top-level property or
/// a `Fn::GetAtt` attribute written as a string in `FormworkAWS` would compile with a typo in it.
@Suite struct TypedL1UsageTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/FormworkAWS")

    /// What a string-typed declaration looks like, each with the name of what it writes untyped.
    static let untypedForms: [(pattern: String, what: String)] = [
        (#""AWS::[A-Za-z0-9]+::[A-Za-z0-9]+""#, "a resource type"),
        (#"properties\["[A-Za-z]"#, "a property name"),
        (#"properties: \[\s*"[A-Z]"#, "a property name"),
        (#"declareResource\(\s*""#, "a resource type"),
        (#"(getAtt|attribute)\(\s*""#, "an attribute name"),
    ]

    @Test func theL2sNameNoResourceTypePropertyOrAttributeByAString() throws {
        let files = FileManager.default.enumerator(atPath: Self.sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 50)
        let expressions = try Self.untypedForms.map { (try NSRegularExpression(pattern: $0.pattern), $0.what) }
        var found: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = String(line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                for (expression, what) in expressions where expression.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil {
                    found.append("Sources/FormworkAWS/\(file):\(number + 1): \(what) as a string; use the typed L1 (FormworkL1)")
                }
            }
        }
        #expect(found.isEmpty, "\(found.count) untyped names:\n\(found.joined(separator: "\n"))")
    }
}
