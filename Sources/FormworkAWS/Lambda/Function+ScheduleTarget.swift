import FormworkCore

/// A function as a schedule's target (CDK's `LambdaInvoke`): invoked by its ARN, the role allowed `lambda:InvokeFunction`.
extension Function: ScheduleTargetDestination {
    /// Invokes the function.
    public func scheduleTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<ScheduleTargetParameters> {
        IntegrationBinding(to: self, arn: arn, statements: [.invoke(self)], parameters: ScheduleTargetParameters())
    }
}

extension ScheduleTargetDestination where Self == Function {
    /// Invokes `function` (`LambdaInvoke`).
    public static func function(_ function: Function) -> Function { function }
}
