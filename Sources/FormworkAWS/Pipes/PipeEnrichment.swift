import FormworkCore
import OrderedCollections

/// What a pipe calls on each batch before its target, whose answer the target receives (CDK's
/// `aws_pipes_enrichments`): a function, or an `EXPRESS` state machine, called synchronously.
public struct PipeEnrichment: Sendable {
    enum Kind: Sendable {
        case function(Function)
        case stateMachine(StateMachine)
    }

    let kind: Kind
    let input: PipeInput?

    /// Call `function` with the batch (or `input`).
    public static func function(_ function: Function, input: PipeInput? = nil) -> PipeEnrichment {
        PipeEnrichment(kind: .function(function), input: input)
    }

    /// Run the `EXPRESS` state machine `machine` with the batch (or `input`).
    public static func stateMachine(_ machine: StateMachine, input: PipeInput? = nil) -> PipeEnrichment {
        PipeEnrichment(kind: .stateMachine(machine), input: input)
    }

    var construct: any IdentifiedConstruct {
        switch kind {
        case .function(let function): function
        case .stateMachine(let machine): machine
        }
    }

    var arn: Value {
        switch kind {
        case .function(let function): function.arn
        case .stateMachine(let machine): machine.arn
        }
    }

    func validate(at scope: ConstructScope) throws(SynthesisError) {
        if case .stateMachine(let machine) = kind, machine.type != .express {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "a pipe waits for its enrichment, and it can wait only for an EXPRESS state machine; make '\(machine.id)' EXPRESS")
        }
    }

    var statement: PolicyStatement {
        switch kind {
        case .function(let function): .invoke(function)
        case .stateMachine(let machine): .startExecution(machine, waiting: true)
        }
    }

    /// The `EnrichmentParameters` property: empty unless an input is given, as CDK writes it.
    func parameters(at scope: ConstructScope) throws(SynthesisError) -> Value {
        guard let input else { return [:] }
        return ["InputTemplate": .string(try input.template(at: scope))]
    }
}
