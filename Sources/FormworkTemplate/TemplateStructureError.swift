/// A template that is valid JSON or YAML but not a valid CloudFormation template shape: a resource without
/// a `Type`, a section that is not an object, an attribute of the wrong kind.
public struct TemplateStructureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the template came from, when it came from a file.
    public var file: String?
    /// Where in the template, as dotted keys: `Resources.Queue.DependsOn`.
    public var path: String
    /// What is wrong and what was expected.
    public var message: String

    /// An error at `path` of the template in `file`.
    public init(file: String? = nil, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String {
        "\(file ?? "<input>"): \(path): \(message)"
    }
}
