import FormworkCore

/// Permissions on a resource for a principal: statements added to the principal's role's default policy.
///
/// Made by the resources' `grant(_:to:)` methods, with CDK's action sets; list it in a body.
public struct Grant: Construct {
    public let id: String
    let resource: any IdentifiedConstruct
    let principal: any GrantPrincipal
    let statements: [PolicyStatement]
    /// What rejects the grant where it is listed (an imported resource CDK cannot grant on); `nil`: nothing.
    let check: (@Sendable (ConstructScope) throws(SynthesisError) -> Void)?

    init(
        id: String, resource: some IdentifiedConstruct, principal: some GrantPrincipal, statements: [PolicyStatement],
        check: (@Sendable (ConstructScope) throws(SynthesisError) -> Void)? = nil
    ) {
        self.id = id
        self.resource = resource
        self.principal = principal
        self.statements = statements
        self.check = check
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try check?(scope)
        scope.require(resource)
        scope.require(principal)
        scope.afterExpansion(.edges) { [principal, statements] scope throws(SynthesisError) in
            for statement in statements {
                scope.contribute(statement, to: principal.role, as: Role.defaultPolicyStatements)
            }
        }
    }
}
