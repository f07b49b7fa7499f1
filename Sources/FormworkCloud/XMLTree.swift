import Foundation

/// An XML document read into a tree of elements: the shape of every AWS Query-protocol answer.
/// Namespaces are dropped from names; text is the element's own character data, entities decoded.
public struct XMLTree: Sendable, Equatable {
    /// The element's name without its namespace prefix (`DescribeStacksResult`).
    public var name: String
    /// The element's own character data and CDATA, untrimmed: for an element that holds elements, the
    /// whitespace between them.
    public var text: String
    /// The child elements, in document order.
    public var children: [XMLTree]

    /// An element named `name`, with no text or children unless given.
    public init(name: String, text: String = "", children: [XMLTree] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child named `name`.
    public subscript(_ name: String) -> XMLTree? {
        children.first { $0.name == name }
    }

    /// The element at `path` below this one (`tree["A", "B"]`).
    public subscript(_ first: String, _ rest: String...) -> XMLTree? {
        rest.reduce(self[first]) { $0?[$1] }
    }

    /// The text of the child named `name`, `nil` when there is no such child.
    public func string(_ name: String) -> String? {
        self[name]?.text
    }

    /// The `member` elements of the list child named `name` (AWS Query lists).
    public func members(_ name: String) -> [XMLTree] {
        self[name]?.children.filter { $0.name == "member" } ?? []
    }

    /// The deepest nesting of elements read: 64. AWS's answers nest a dozen levels at most; a deeper
    /// document is refused before it is built, so that no tree is too deep to walk or to free.
    public static let maximumDepth = 64

    /// Parses `data`; `nil` when it is not UTF-8, not well-formed XML (XML 1.0 as AWS answers use it; no document type declarations), or nests
    /// deeper than ``maximumDepth``.
    public static func parse(_ data: Data) -> XMLTree? {
        var reader = XMLReader(data)
        return try? reader.readDocument()
    }
}
