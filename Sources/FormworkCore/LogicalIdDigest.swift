/// Content that CDK hashes into a logical ID, so that the ID changes whenever the content does.
///
/// An API Gateway deployment is the case: CDK appends 32 hex digits to its logical ID, the MD5 of its
/// components' JSON text one after another (`JSON.stringify` of each, resolved), so that any change to the
/// API creates a new deployment. Declaring the same components gives the same ID, and a migrated API keeps
/// its deployment.
///
/// ```swift
/// ResourceDeclaration(type: "AWS::ApiGateway::Deployment", properties: ...,
///                     logicalIdDigest: LogicalIdDigest([.value(["resource": resourceProperties]), .resourceEntry(api.ref)]))
/// ```
public struct LogicalIdDigest: Sendable {
    /// One part of the hashed text.
    public enum Component: Sendable {
        /// A value, resolved as the template resolves it (`Ref`, `Fn::GetAtt`, `Fn::Join`, ...).
        case value(Value)
        /// The whole template entry of the resource a reference points at, as
        /// `{"Resources": {"<logical ID>": <entry>}}`; with `propertyOrder`, its `Properties` are written with those
        /// keys first in that order and the others after in alphabetical order (CDK's function hash of a version
        /// with `@aws-cdk/aws-lambda:recognizeVersionProps` off).
        case resourceEntry(Reference, propertyOrder: [String]? = nil)
        /// The `Properties` of the resource a reference points at, resolved: the keys of `order` first in that
        /// order, the others after in alphabetical order, only those in `keeping` when it is given (CDK's
        /// function hash of a version), each written under its name in `renaming` when it has one there (CDK's
        /// property names: `providerArns` for `ProviderARNs`).
        case resourceProperties(Reference, order: [String], keeping: Set<String>? = nil, renaming: [String: String] = [:])
        /// Text written as it is.
        case text(String)
        /// The 32 hex digits of the MD5 of the components' text (a hash inside the hashed text).
        case digest([Component])
    }

    /// The parts, hashed in this order.
    public var components: [Component]

    /// A digest of `components`, in order.
    public init(_ components: [Component]) {
        self.components = components
    }
}
