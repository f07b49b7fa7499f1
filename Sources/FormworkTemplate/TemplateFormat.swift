import Foundation

/// The two text formats of a CloudFormation template.
public enum TemplateFormat: String, Sendable, CaseIterable {
    case json
    case yaml

    /// The format a file name's extension says (`.yaml`, `.yml` → YAML; anything else → JSON).
    public init(fileName: String) {
        let lowered = fileName.lowercased()
        self = lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") ? .yaml : .json
    }

    /// The format the text looks like: JSON when it starts with `{`, YAML otherwise.
    public init(sniffing text: String) {
        let first = text.unicodeScalars.first { !CharacterSet.whitespacesAndNewlines.contains($0) }
        self = first == "{" ? .json : .yaml
    }

    /// The file extension Formwork writes for this format.
    public var fileExtension: String { rawValue }
}

/// Why a template could not be read: unreadable file, invalid text, or a shape CloudFormation rejects.
public enum TemplateReadError: Error, Sendable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case syntax(SourceError)
    case structure(TemplateStructureError)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read the file: \(reason)"
        case .syntax(let error): error.description
        case .structure(let error): error.description
        }
    }
}

extension Template {
    /// Parses template text in either format; `format` is sniffed from the text when not given.
    public static func parse(_ text: String, format: TemplateFormat? = nil, file: String? = nil) throws(TemplateReadError) -> Template {
        let tree: JSONValue
        do {
            switch format ?? TemplateFormat(sniffing: text) {
            case .json: tree = try JSONReader.parse(text)
            case .yaml: tree = try YAMLReader.parse(text)
            }
        } catch {
            throw .syntax(file.map(error.inFile) ?? error)
        }
        do {
            return try Template(json: tree)
        } catch {
            var located = error
            located.file = file
            throw .structure(located)
        }
    }

    /// Reads the template file at `path`, JSON or YAML (by content).
    public static func read(contentsOf path: String) throws(TemplateReadError) -> Template {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(file: path, reason: error.localizedDescription)
        }
        return try parse(text, file: path)
    }

    /// The template's text in `format`: CDK's one-space-indented JSON, or long-form YAML.
    public func text(in format: TemplateFormat) throws -> String {
        switch format {
        case .json: JSONWriter().string(from: json)
        case .yaml: try YAMLWriter().string(from: json)
        }
    }
}
