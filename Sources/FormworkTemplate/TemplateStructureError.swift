/// A template that is valid JSON or YAML but not a valid CloudFormation template shape: a resource without
/// a `Type`, a section that is not an object, an attribute of the wrong kind.
public struct TemplateStructureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the template came from, when it came from a file.
    public var file: String?
    /// Where in the template, as dotted keys: `Resources.Queue.DependsOn`.
    public var path: String
    /// Where in the file, when the template was read from text: the position of `path` or of its nearest
    /// ancestor.
    public var position: SourceMap.Position?
    /// What is wrong and what was expected.
    public var message: String

    /// An error at `path` of the template in `file`.
    public init(file: String? = nil, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String {
        let place = position.map { ":\($0.line):\($0.column)" } ?? ""
        return "\(file ?? "<input>")\(place): \(path): \(message)"
    }
}
