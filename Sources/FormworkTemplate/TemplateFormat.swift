import Foundation

/// The two text formats of a CloudFormation template.
public enum TemplateFormat: String, Sendable, CaseIterable {
    /// JSON, as CDK writes templates (`.json`).
    case json
    /// YAML, with CloudFormation's short-form tags such as `!Ref` and `!GetAtt` (`.yaml`).
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
    /// The file could not be read (missing, a folder, no permission, too large); `reason` says why.
    case unreadable(file: String, reason: String)
    /// The text is not valid JSON or YAML, at a line and column.
    case syntax(SourceError)
    /// The text parses but is not a valid CloudFormation template shape.
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
    /// Parses template text in either format; `format` is sniffed from the text when not given. With
    /// `expandingLoops` off, `Fn::ForEach` loops are kept as written (see ``Template/init(json:expandingLoops:)``).
    public static func parse(_ text: String, format: TemplateFormat? = nil, file: String? = nil, expandingLoops: Bool = true) throws(TemplateReadError)
        -> Template
    {
        try parse(text, format: format, file: file, recordingPositions: false, expandingLoops: expandingLoops).template
    }

    /// Parses template text and records where each value stands in it, for messages with line numbers.
    public static func parseWithSourceMap(_ text: String, format: TemplateFormat? = nil, file: String? = nil) throws(TemplateReadError) -> (
        template: Template, sourceMap: SourceMap
    ) {
        try parse(text, format: format, file: file, recordingPositions: true, expandingLoops: true)
    }

    private static func parse(
        _ text: String, format: TemplateFormat?, file: String?, recordingPositions: Bool,
        expandingLoops: Bool
    ) throws(TemplateReadError) -> (template: Template, sourceMap: SourceMap) {
        let format = format ?? TemplateFormat(sniffing: text)
        let parsed: (value: JSONValue, sourceMap: SourceMap)
        do {
            switch (format, recordingPositions) {
            case (.json, false): parsed = (try JSONReader.parse(text), SourceMap())
            case (.json, true): parsed = try JSONReader.parseWithSourceMap(text)
            case (.yaml, false): parsed = (try YAMLReader.parse(text), SourceMap())
            case (.yaml, true): parsed = try YAMLReader.parseWithSourceMap(text)
            }
        } catch {
            throw .syntax(file.map(error.inFile) ?? error)
        }
        do {
            return (try Template(json: parsed.value, expandingLoops: expandingLoops), parsed.sourceMap)
        } catch {
            var located = error
            located.file = file
            // Positions are recorded only when asked; an error is rare enough to read the text again for its place.
            let sourceMap =
                recordingPositions
                ? parsed.sourceMap
                : (try? format == .json ? JSONReader.parseWithSourceMap(text).sourceMap : YAMLReader.parseWithSourceMap(text).sourceMap)
            located.position = sourceMap?.position(of: error.path.split(separator: ".").map(String.init))
            throw .structure(located)
        }
    }

    /// Reads the template file at `path`, JSON or YAML (by content).
    public static func read(contentsOf path: String, expandingLoops: Bool = true) throws(TemplateReadError) -> Template {
        try parse(TemplateFile.text(at: path), file: path, expandingLoops: expandingLoops)
    }

    /// Reads the template file at `path` and records where each value stands in it.
    public static func readWithSourceMap(contentsOf path: String) throws(TemplateReadError) -> (template: Template, sourceMap: SourceMap) {
        try parseWithSourceMap(TemplateFile.text(at: path), file: path)
    }

    /// The template's text in `format`: CDK's one-space-indented JSON, or long-form YAML.
    public func text(in format: TemplateFormat) throws -> String {
        switch format {
        case .json: JSONWriter().string(from: json)
        case .yaml: try YAMLWriter().string(from: json)
        }
    }
}
