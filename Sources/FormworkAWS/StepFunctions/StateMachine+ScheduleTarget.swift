import FormworkCore

/// A state machine as a schedule's target (CDK's `StepFunctionsStartExecution`): an execution started with the
/// schedule's input, the role allowed `states:StartExecution`.
extension StateMachine: ScheduleTargetDestination {
    /// Starts an execution.
    public func scheduleTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<ScheduleTargetParameters> {
        IntegrationBinding(to: self, arn: arn, statements: [.startExecution(self)], parameters: ScheduleTargetParameters())
    }
}

extension ScheduleTargetDestination where Self == StateMachine {
    /// Starts an execution of `stateMachine` (`StepFunctionsStartExecution`).
    public static func stateMachine(_ stateMachine: StateMachine) -> StateMachine { stateMachine }
}
