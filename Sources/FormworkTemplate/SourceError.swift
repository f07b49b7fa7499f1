/// An error in a template's text, at a line and column.
///
/// Its description reads like a compiler diagnostic, `Orders.yaml:12:7: duplicate key 'Type'`, so editors
/// and CI logs link it to the place to fix.
public struct SourceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the text came from, when it came from a file.
    public var file: String?
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int
    /// What is wrong and, where it helps, what was expected.
    public var message: String

    /// An error at `line`:`column` of `file`.
    public init(file: String? = nil, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "\(file ?? "<input>"):\(line):\(column): \(message)"
    }

    /// The same error, attributed to `file`.
    public func inFile(_ file: String) -> SourceError {
        var copy = self
        copy.file = file
        return copy
    }
}
