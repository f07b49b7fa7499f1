import FormworkCore

/// Permissions on a resource for a principal: statements added to the principal's role's default policy.
///
/// Made by the resources' `grant(_:to:)` methods, with CDK's action sets; list it in a body.
public struct Grant: Construct {
    public let id: String
    let resource: any IdentifiedConstruct
    let principal: any GrantPrincipal
    let statements: [PolicyStatement]

    init(id: String, resource: some IdentifiedConstruct, principal: some GrantPrincipal, statements: [PolicyStatement]) {
        self.id = id
        self.resource = resource
        self.principal = principal
        self.statements = statements
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        scope.require(resource)
        scope.require(principal)
        scope.afterExpansion(.edges) { [principal, statements] scope throws(SynthesisError) in
            for statement in statements {
                scope.contribute(statement, to: principal.role, as: Role.defaultPolicyStatements)
            }
        }
    }
}
