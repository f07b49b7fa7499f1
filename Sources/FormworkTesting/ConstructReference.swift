import FormworkCore
import FormworkTemplate

/// A reference to a construct's resource, matched by the construct rather than by its logical ID: what
/// `queue.url` or `queue.arn` resolves to in the template.
///
/// ```swift
/// template.hasResourceProperties("AWS::Lambda::EventSourceMapping", ["EventSourceArn": .reference(.getAtt(queue, "Arn"))])
/// ```
public enum ConstructReference: Sendable, CustomStringConvertible {
    /// `{"Ref": logicalId}` of the construct's resource.
    case ref(any IdentifiedConstruct)
    /// `{"Fn::GetAtt": [logicalId, attribute]}` of the construct's resource.
    case getAtt(any IdentifiedConstruct, String)

    var construct: any IdentifiedConstruct {
        switch self {
        case .ref(let construct), .getAtt(let construct, _): construct
        }
    }

    /// The reference in words, for failures: `the Arn of 'Orders'`.
    public var description: String {
        switch self {
        case .ref(let construct): "the Ref of '\(construct.id)'"
        case .getAtt(let construct, let attribute): "the \(attribute) of '\(construct.id)'"
        }
    }
}

/// The resources a synthesized stack's constructs declared: how a construct value finds its logical ID.
struct ConstructReferences: Sendable {
    let artifact: CloudAssembly.StackArtifact
    /// The logical ID of each construct path.
    private let logicalIds: [String: String]

    init(_ artifact: CloudAssembly.StackArtifact) {
        self.artifact = artifact
        var logicalIds: [String: String] = [:]
        for (logicalId, path) in artifact.constructPaths where artifact.template.resources[logicalId] != nil {
            logicalIds[path] = logicalId
        }
        self.logicalIds = logicalIds
    }

    /// The construct path of `construct` in this stack.
    func path(of construct: some IdentifiedConstruct) -> String? {
        artifact.constructNodes[construct.identity]
    }

    /// The logical ID of the resource `construct` declared: its own node's, or that of its default child
    /// (`Resource`, then `Default`), as CDK's `node.defaultChild`.
    func logicalId(of construct: some IdentifiedConstruct) -> String? {
        guard let path = path(of: construct) else { return nil }
        return logicalIds[path] ?? logicalIds[path + "/Resource"] ?? logicalIds[path + "/Default"]
    }

    /// What `reference` resolves to in the template.
    func resolve(_ reference: ConstructReference) -> JSONValue? {
        guard let logicalId = logicalId(of: reference.construct) else { return nil }
        return switch reference {
        case .ref: ["Ref": .string(logicalId)]
        case .getAtt(_, let attribute): ["Fn::GetAtt": [.string(logicalId), .string(attribute)]]
        }
    }
}
