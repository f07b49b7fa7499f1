import FormworkCore
import FormworkTemplate
import Foundation
import OrderedCollections

/// Where a state machine's Amazon States Language comes from.
public enum DefinitionBody: Sendable {
    /// States built in Swift: rendered as CDK renders a chain, with the permissions of every task.
    case chain(Chain)
    /// ASL written by hand, written to the template as given (CDK's `DefinitionBody.fromString`). Grant the
    /// role what its tasks call.
    case text(String)
    /// ASL in a file, relative to the working directory, read at synthesis and written as ``text(_:)`` is
    /// (as CDK's `fromString(readFileSync(path))`; CDK's `fromFile` uploads it as an asset instead).
    case file(String)

    /// The contents of the definition file at `path`.
    static func read(_ path: String, at scope: ConstructScope) throws(SynthesisError) -> String {
        guard let data = FileManager.default.contents(atPath: path), let contents = String(data: data, encoding: .utf8) else {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "cannot read the state machine definition '\(path)' (paths are relative to \(FileManager.default.currentDirectoryPath))")
        }
        return contents
    }

    /// `text`, a hand-written definition named `source` in messages, checked: valid JSON with `StartAt` and
    /// `States`, every `${Name}` placeholder given a substitution, no timeout or comment set outside it.
    static func check(
        _ text: String, source: String, substitutions: OrderedDictionary<String, Value>, timeout: Duration?, comment: String?,
        at scope: ConstructScope
    ) throws(SynthesisError) -> String {
        if timeout != nil || comment != nil {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "a definition given as text carries its own TimeoutSeconds and Comment; set them in \(source)")
        }
        let document: JSONValue
        do {
            document = try JSONReader.parse(text)
        } catch {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "\(source) is not valid JSON: line \(error.line), column \(error.column): \(error.message)")
        }
        guard document["StartAt"]?.stringValue != nil, document["States"]?.objectValue != nil else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "\(source) is not a state machine definition: it needs StartAt and States")
        }
        for name in placeholders(in: text) where substitutions[name] == nil {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "\(source) uses ${\(name)}, which no substitution gives; add it to substitutions")
        }
        return text
    }

    /// The names of the `${Name}` placeholders in `text`, in order of first use.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let start = rest.range(of: "${") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "}") else { break }
            let name = String(rest[..<end])
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }), !names.contains(name) {
                names.append(name)
            }
            rest = rest[rest.index(after: end)...]
        }
        return names
    }
}
