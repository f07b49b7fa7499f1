import FormworkCore

/// A function receives another's asynchronous invocation record as its event (the sender may invoke it).
extension Function: InvocationDestination {
    /// Passed to the function as its event.
    public var invocationBinding: IntegrationBinding<Void> {
        IntegrationBinding(to: self, arn: arn, statements: [.invoke(self)])
    }
}

extension InvocationDestination where Self == Function {
    /// Passed to `function` as its event (`LambdaDestination`).
    public static func function(_ function: Function) -> Function { function }
}
