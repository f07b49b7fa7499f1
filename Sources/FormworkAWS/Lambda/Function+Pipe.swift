import FormworkCore
import FormworkL1

/// A function as a pipe's target (CDK's `LambdaFunction` of `aws_pipes_targets`): invoked with each batch,
/// synchronously unless told otherwise.
public struct FunctionPipeTarget: PipeTargetDestination {
    /// The function invoked.
    public var function: Function
    /// Whether the pipe waits for the function (`LambdaFunctionParameters.InvocationType`).
    public var invocation: PipeInvocation

    /// Invokes `function` as `invocation` says.
    public init(_ function: Function, invocation: PipeInvocation) {
        self.function = function
        self.invocation = invocation
    }

    /// Invokes the function (`lambda:InvokeFunction`); an imported function only when CDK can tell it is in the stack's
    /// account.
    public func pipeTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeTargetParameters> {
        try function.checkInvokeGrant(at: scope)
        return IntegrationBinding(
            to: function, arn: function.arn, statements: [.invoke(function)],
            parameters: CfnPipes.Pipe.PipeTargetParameters(
                lambdaFunctionParameters: CfnPipes.Pipe.PipeTargetLambdaFunctionParameters(invocationType: .string(invocation.rawValue))))
    }
}

extension PipeTarget {
    /// Invoke `function`: synchronously unless `invocation` says otherwise, as CDK does.
    public static func function(_ function: Function, invocation: PipeInvocation = .requestResponse, input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(FunctionPipeTarget(function, invocation: invocation), input: input)
    }
}

/// A function as a pipe's enrichment (CDK's `LambdaEnrichment`): called with each batch, its answer passed on.
extension Function: PipeEnrichmentDestination {
    /// Invokes the function (`lambda:InvokeFunction`); an imported function only when CDK can tell it is in the stack's
    /// account.
    public func pipeEnrichment(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<Void> {
        try checkInvokeGrant(at: scope)
        return IntegrationBinding(to: self, arn: arn, statements: [.invoke(self)])
    }
}

extension PipeEnrichment {
    /// Call `function` with the batch (or `input`).
    public static func function(_ function: Function, input: PipeInput? = nil) -> PipeEnrichment {
        PipeEnrichment(function, input: input)
    }
}
