import FormworkCore
import FormworkL1

/// A state machine as a pipe's target (CDK's `SfnStateMachine` of `aws_pipes_targets`): an execution started per
/// batch, asynchronously unless told otherwise (waiting needs an `EXPRESS` machine).
public struct StateMachinePipeTarget: PipeTargetDestination {
    /// The state machine started.
    public var stateMachine: StateMachine
    /// Whether the pipe waits for the execution (`StepFunctionStateMachineParameters.InvocationType`).
    public var invocation: PipeInvocation

    /// Starts `stateMachine` as `invocation` says.
    public init(_ stateMachine: StateMachine, invocation: PipeInvocation) {
        self.stateMachine = stateMachine
        self.invocation = invocation
    }

    /// Starts an execution (`states:StartExecution`, or `states:StartSyncExecution` when waiting).
    public func pipeTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeTargetParameters> {
        if invocation == .requestResponse, stateMachine.type != .express {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "a pipe can wait only for an EXPRESS state machine; make '\(stateMachine.id)' EXPRESS or use invocation: .fireAndForget")
        }
        return IntegrationBinding(
            to: stateMachine, arn: stateMachine.arn, statements: [.startExecution(stateMachine, waiting: invocation == .requestResponse)],
            parameters: CfnPipes.Pipe.PipeTargetParameters(
                stepFunctionStateMachineParameters: CfnPipes.Pipe.PipeTargetStateMachineParameters(invocationType: .string(invocation.rawValue))))
    }
}

extension PipeTarget {
    /// Start an execution of `machine`: asynchronously unless `invocation` says otherwise, as CDK does.
    public static func stateMachine(_ machine: StateMachine, invocation: PipeInvocation = .fireAndForget, input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(StateMachinePipeTarget(machine, invocation: invocation), input: input)
    }
}

/// An `EXPRESS` state machine as a pipe's enrichment (CDK's `StepFunctionsEnrichment`): run synchronously with
/// each batch, its output passed on.
extension StateMachine: PipeEnrichmentDestination {
    /// Runs the machine synchronously; only an `EXPRESS` machine can be waited for.
    public func pipeEnrichment(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<Void> {
        guard type == .express else {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "a pipe waits for its enrichment, and it can wait only for an EXPRESS state machine; make '\(id)' EXPRESS")
        }
        return IntegrationBinding(to: self, arn: arn, statements: [.startExecution(self, waiting: true)])
    }
}

extension PipeEnrichment {
    /// Run the `EXPRESS` state machine `machine` with the batch (or `input`).
    public static func stateMachine(_ machine: StateMachine, input: PipeInput? = nil) -> PipeEnrichment {
        PipeEnrichment(machine, input: input)
    }
}
