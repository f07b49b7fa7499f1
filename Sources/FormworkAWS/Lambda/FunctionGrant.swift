import FormworkCore

extension Function {
    /// A grant to invoke this function (`lambda:InvokeFunction` on it and its versions) for `principal`'s
    /// role; list the result in a body. On an imported function, an error unless CDK can tell the function is in the
    /// stack's account (``Function/fromFunctionArn(_:arn:)``).
    public func grantInvoke(to principal: some GrantPrincipal) -> Grant {
        Grant(
            id: "\(principal.id)CanInvoke\(id)", resource: self, principal: principal, statements: [.invoke(self)],
            check: { [self] scope throws(SynthesisError) in try checkInvokeGrant(at: scope) })
    }

    /// The URI API Gateway invokes the function through (REST and WebSocket integrations, authorizers).
    var apiGatewayInvocationUri: Value {
        "arn:\(Aws.partition):apigateway:\(Aws.region):lambda:path/2015-03-31/functions/\(arn)/invocations"
    }
}

extension PolicyStatement {
    /// `lambda:InvokeFunction` on `function` and its versions and aliases, as CDK's `grantInvoke` writes it.
    static func invoke(_ function: Function) -> PolicyStatement {
        PolicyStatement(actions: ["lambda:InvokeFunction"], resources: [function.arn, "\(function.arn):*"])
    }
}
