import FormworkCore

/// A function as a schedule's target (CDK's `LambdaInvoke`): invoked by its ARN, the role allowed `lambda:InvokeFunction`.
extension Function: ScheduleTargetDestination {
    /// Invokes the function; an imported function only when CDK can tell it is in the stack's account.
    public func scheduleTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<ScheduleTargetParameters> {
        try checkInvokeGrant(at: scope)
        return IntegrationBinding(to: self, arn: arn, statements: [.invoke(self)], parameters: ScheduleTargetParameters())
    }
}

extension ScheduleTargetDestination where Self == Function {
    /// Invokes `function` (`LambdaInvoke`).
    public static func function(_ function: Function) -> Function { function }
}
