/// A path to a property below a resource's `Properties`: `["RedrivePolicy", "maxReceiveCount"]`.
///
/// In schema paths, `*` stands for any element of a list; in paths of a concrete template it is an index.
public struct PropertyPath: Sendable, Hashable, CustomStringConvertible {
    /// The keys (and list indices) from `Properties` down.
    public var components: [String]

    /// A path of `components`.
    public init(_ components: [String]) {
        self.components = components
    }

    /// A path written with `/` between components, as the schemas write JSON pointers below `/properties/`.
    public init(pointer: Substring) {
        components = pointer.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// A path written with `/` between components.
    public init(pointer: String) {
        self.init(pointer: pointer[...])
    }

    public var description: String { components.joined(separator: ".") }

    /// The component for the list index `index`: its decimal text, made once for the first 64 indices (a path
    /// gets one for every element validation visits).
    static func component(_ index: Int) -> String {
        index >= 0 && index < indexTexts.count ? indexTexts[index] : String(index)
    }

    private static let indexTexts = (0..<64).map(String.init)

    /// Whether this schema path (with `*` wildcards) is `path` or lies above it.
    public func covers(_ path: PropertyPath) -> Bool {
        guard components.count <= path.components.count else { return false }
        return zip(components, path.components).allSatisfy { pattern, component in
            pattern == component || (pattern == "*" && component.allSatisfy(\.isNumber))
        }
    }
}
