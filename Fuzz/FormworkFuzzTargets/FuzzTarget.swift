import Foundation
import FormworkChecks
import FormworkCloud
import FormworkDiff
import FormworkSchema
import FormworkTemplate

/// The code paths fed with arbitrary bytes by the fuzzer (`Scripts/fuzz`) and by the regression test that
/// replays the inputs it found (`Fuzz/Regressions/<target>/`).
///
/// Each target must return for every input: an error is a fine outcome, a trap, a hang or a data change is
/// not. Where an input is read, it is also written and read back, and the two readings must be equal: a
/// round trip that changes the data traps, so the fuzzer finds it as it finds a crash.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case json
    case yaml
    case validate
    case check
    case diff
    /// An AWS query-protocol answer, as the AWS client reads it.
    case xml
    /// An AWS config or credentials file.
    case ini
    /// A template with `Fn::ForEach` loops, expanded and kept as written.
    case forEach = "for-each"

    /// Runs the target on `bytes`.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .json: Self.readAndRoundTrip(bytes, format: .json)
        case .yaml: Self.readAndRoundTrip(bytes, format: .yaml)
        case .validate:
            guard let template = Self.template(bytes) else { return }
            _ = TemplateValidator().validate(template)
        case .check:
            guard let template = Self.template(bytes) else { return }
            _ = Checker().check(template)
        case .diff:
            // Two templates, separated by the first zero byte.
            let split = bytes.firstIndex(of: 0) ?? bytes.count
            guard let old = Self.template(Array(bytes[..<split])),
                let new = Self.template(split < bytes.count ? Array(bytes[(split + 1)...]) : bytes)
            else { return }
            let diff = TemplateDiffer().diff(old: old, new: new)
            _ = DiffTextRenderer().render("Stack", diff)
            _ = DiffMarkdownRenderer.render([("Stack", diff)])
            _ = DiffJSONRenderer.document([DiffJSONRenderer.stack("Stack", diff)])
            precondition(TemplateDiffer().diff(old: new, new: new).isEmpty, "a template differs from itself")
        case .xml:
            guard let tree = XMLTree.parse(Data(bytes)) else { return }
            _ = tree["DescribeStacksResult"]?.members("Stacks").map { $0.string("StackName") }
        case .ini:
            _ = SharedConfigFiles.sections(of: String(decoding: bytes, as: UTF8.self))
        case .forEach:
            Self.expandLoops(bytes)
        }
    }

    /// Reads `bytes` as a template under the language extensions, expanded and kept as written; a template
    /// read with its loops kept must write and read back unchanged.
    static func expandLoops(_ bytes: [UInt8]) {
        guard let text = try? TemplateFile.text(decoding: bytes), case .object(var root)? = try? YAMLReader.parse(text) else { return }
        root["Transform"] = "AWS::LanguageExtensions"
        if let expanded = try? Template(json: .object(root)) { _ = TemplateValidator().validate(expanded) }
        guard let kept = try? Template(json: .object(root), expandingLoops: false) else { return }
        let reread: Template
        do {
            reread = try Template(json: kept.json, expandingLoops: false)
        } catch {
            preconditionFailure("a template with its loops kept cannot be read back: \(error)")
        }
        precondition(reread == kept, "a round trip with loops kept changed the template")
    }

    /// The template in `bytes`, when they hold one.
    static func template(_ bytes: [UInt8]) -> Template? {
        guard let text = try? TemplateFile.text(decoding: bytes) else { return nil }
        return try? Template.parse(text)
    }

    /// Reads `bytes` as `format` (with positions too) and, when they hold a template, checks that writing it
    /// in either format and reading it back gives the same template.
    static func readAndRoundTrip(_ bytes: [UInt8], format: TemplateFormat) {
        guard let text = try? TemplateFile.text(decoding: bytes) else { return }
        _ = try? Template.parseWithSourceMap(text, format: format)
        guard let template = try? Template.parse(text, format: format) else { return }
        for written in TemplateFormat.allCases {
            guard let output = try? template.text(in: written) else { continue }
            let reread: Template
            do {
                reread = try Template.parse(output, format: written)
            } catch {
                preconditionFailure("a template written as \(written.rawValue) cannot be read back: \(error)")
            }
            precondition(reread == template, "a round trip through \(written.rawValue) changed the template")
        }
    }
}
