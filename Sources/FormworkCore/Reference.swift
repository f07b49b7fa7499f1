/// A reference from one construct's value to another construct's template element.
///
/// Constructs hand out references through their typed attributes (`resource.ref`, `resource.getAtt("Arn")`,
/// `parameter.value`). The synthesizer resolves each one where it is used: `Ref` or `Fn::GetAtt` within a
/// stack, an exported output and `Fn::ImportValue` across stacks.
///
/// A reference also carries the construct it points at, so a construct that is referenced but never listed
/// in a body (`let dlq = ...` and then only used) is still part of the stack.
public struct Reference: Sendable, Equatable {
    /// What the reference resolves to.
    public enum Form: Sendable, Hashable {
        /// `{"Ref": logicalId}`.
        case ref
        /// `{"Fn::GetAtt": [logicalId, attribute]}`.
        case getAtt(String)
        /// The logical ID itself, as a string: the name of a condition or a mapping.
        case logicalId
    }

    /// The identity of the construct the reference points at.
    public let target: ConstructIdentity
    /// The path from the target construct's node down to the element, e.g. `["Resource"]`; empty when the
    /// construct is the element itself.
    public let element: [String]
    /// What the reference resolves to.
    public let form: Form
    /// The construct pointed at, to include it when it is not listed anywhere.
    let construct: any IdentifiedConstruct

    /// A reference of `form` to the element at `element` below `construct`.
    public init(to construct: some IdentifiedConstruct, element: [String] = [], form: Form) {
        self.target = construct.identity
        self.element = element
        self.form = form
        self.construct = construct
    }

    public static func == (lhs: Reference, rhs: Reference) -> Bool {
        lhs.target == rhs.target && lhs.element == rhs.element && lhs.form == rhs.form
    }
}

/// A construct (or an element below it) that a resource waits for: CloudFormation's `DependsOn`.
///
/// A dependency on a construct that emits several resources is a dependency on every one of them, as in CDK.
public struct Dependency: Sendable {
    /// The construct depended on.
    let construct: any IdentifiedConstruct
    /// The path below the construct's node of the part depended on; empty for the whole construct.
    let element: [String]

    /// A dependency on every resource below `construct`, or below its child at `element`
    /// (`["Policy"]`: a queue's policy). A part that declares nothing adds no dependency.
    public init(on construct: some IdentifiedConstruct, element: [String] = []) {
        self.construct = construct
        self.element = element
    }
}
