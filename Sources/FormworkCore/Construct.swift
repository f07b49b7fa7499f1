/// A piece of a stack: a resource, a group of resources, an output, a parameter.
///
/// Constructs are values. Each has an ``id`` that is one segment of its path (`Orders/Queue`), and says what
/// it contributes when the synthesizer expands it into its place in the tree.
///
/// Most code never implements `Construct` directly: it uses the constructs the library provides and groups
/// them in a ``Component``.
public protocol Construct: Sendable {
    /// The construct's id: one segment of its path, unique among its siblings.
    var id: String { get }

    /// Contributes the construct's children and template elements at `scope`, the construct's own node.
    ///
    /// Called once per synthesis, during the expand phase.
    func expand(in scope: ConstructScope) throws(SynthesisError)

    /// Where the synthesizer puts the construct: a node of its own, or its members in the enclosing scope.
    ///
    /// ``Construct``, ``IdentifiedConstruct`` and ``Fragment`` provide it; a construct never implements it.
    /// (It spares the synthesizer a dynamic cast per construct, which costs a conformance lookup.)
    var placement: ConstructPlacement { get }
}

/// Where the synthesizer puts a construct in the tree.
public enum ConstructPlacement: Sendable {
    /// A node of its own, with the identity references to it point at (`nil` for a construct that cannot
    /// be referenced).
    case node(identity: ConstructIdentity?)
    /// No node: these members are added to the enclosing scope (a ``Fragment``).
    case inline([any Construct])
}

extension Construct {
    public var placement: ConstructPlacement { .node(identity: nil) }
}

extension IdentifiedConstruct {
    public var placement: ConstructPlacement { .node(identity: identity) }
}

/// A construct other constructs can reference: it carries an ``identity`` that references point at.
///
/// Two constructs that are equal as values but were created separately have different identities; they
/// are two nodes, never one.
public protocol IdentifiedConstruct: Construct {
    /// The identity references to this construct point at.
    var identity: ConstructIdentity { get }
}

/// A user-defined group of constructs, written like a SwiftUI view.
///
/// A component is a scope: its ``Construct/id`` is a path segment of everything in its ``body``, as a CDK
/// construct's id is. Keep each body small (up to about 40 statements): the Swift compiler type-checks one
/// builder body as a whole, and its cost grows with the square of the statements in it.
///
/// ```swift
/// struct Orders: Component {
///     let id = "Orders"
///     var body: [any Construct] {
///         let dlq = Resource("DLQ", type: "AWS::SQS::Queue")
///         Resource("Queue", type: "AWS::SQS::Queue", properties: [
///             "RedrivePolicy": ["deadLetterTargetArn": dlq.getAtt("Arn"), "maxReceiveCount": 3],
///         ])
///     }
/// }
/// ```
public protocol Component: Construct {
    /// The constructs in this component.
    @ConstructBuilder var body: [any Construct] { get }
}

extension Component {
    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        for child in body { try scope.add(child) }
    }
}

/// A component written inline: an id and a body.
///
/// ```swift
/// Group("Messaging") {
///     Resource("Topic", type: "AWS::SNS::Topic")
/// }
/// ```
public struct Group: Component {
    public let id: String
    public let body: [any Construct]

    /// A group with `id` holding the constructs `content` builds.
    public init(_ id: String, @ConstructBuilder content: () -> [any Construct]) {
        self.id = id
        self.body = content()
    }
}
