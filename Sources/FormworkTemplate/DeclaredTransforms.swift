/// The transforms a template's `Transform` section declares (one name or a list), and what readers and the
/// validator ask of them.
public struct DeclaredTransforms: Sendable, Equatable {
    /// The declared names, in order.
    public let names: [String]

    /// The transforms of a `Transform` value (`nil`: none).
    public init(_ transform: JSONValue?) {
        names = (transform.map { $0.arrayValue ?? [$0] } ?? []).compactMap(\.stringValue)
    }

    /// Whether SAM's transform (`AWS::Serverless-2016-10-31`) is declared.
    public var isSAM: Bool { names.contains { $0.hasPrefix("AWS::Serverless") } }

    /// Whether `AWS::LanguageExtensions` (`Fn::ForEach`, computed names) is declared.
    public var hasLanguageExtensions: Bool { names.contains("AWS::LanguageExtensions") }
}

extension Template {
    /// The transforms the template declares.
    public var declaredTransforms: DeclaredTransforms { DeclaredTransforms(transform) }
}
