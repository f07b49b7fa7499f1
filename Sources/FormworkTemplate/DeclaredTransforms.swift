/// The transforms a template's `Transform` section declares (one name or a list), and what readers and the
/// validator ask of them.
public struct DeclaredTransforms: Sendable, Equatable {
    /// The declared names, in order.
    public let names: [String]

    /// The transforms of a `Transform` value (`nil`: none).
    public init(_ transform: JSONValue?) {
        let declared = transform.map { $0.arrayValue ?? [$0] } ?? []
        names = declared.compactMap(\.stringValue)
        areAllKnown = names.count == declared.count && names.allSatisfy(Self.known.contains)
    }

    /// Whether SAM's transform (`AWS::Serverless-2016-10-31`) is declared.
    public var isSAM: Bool { names.contains { $0.hasPrefix("AWS::Serverless") } }

    /// Whether `AWS::LanguageExtensions` (`Fn::ForEach`, computed names) is declared.
    public var hasLanguageExtensions: Bool { names.contains("AWS::LanguageExtensions") }

    /// The transforms whose output is known: SAM's (which names what it creates after the resource it expands),
    /// the language extensions and Secrets Manager's rotation (which add nothing a template references).
    public static let known: Set<String> = ["AWS::Serverless-2016-10-31", "AWS::LanguageExtensions", "AWS::SecretsManager-2020-07-23"]

    /// Whether every declared transform is one of ``known`` (none declared counts): no macro, module or
    /// `AWS::Include` adds what the template may reference.
    public let areAllKnown: Bool
}

extension Template {
    /// The transforms the template declares.
    public var declaredTransforms: DeclaredTransforms { DeclaredTransforms(transform) }
}
