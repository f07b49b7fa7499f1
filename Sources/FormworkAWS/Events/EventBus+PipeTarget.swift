import FormworkCore
import FormworkL1
import OrderedCollections

/// An event bus as a pipe's target (CDK's `EventBridgePutEvents` of `aws_pipes_targets`): each event put on the
/// bus with the detail type and source given.
public struct EventBusPipeTarget: PipeTargetDestination {
    /// The bus events are put on.
    public var bus: EventBus
    /// The events' `detail-type` (fixed text or a JSON path); `nil` (the default) for EventBridge's.
    public var detailType: String?
    /// The events' `source` (fixed text or a JSON path); `nil` (the default) for EventBridge's.
    public var source: String?

    /// Puts events on `bus` with `detailType` and `source` when given.
    public init(_ bus: EventBus, detailType: String? = nil, source: String? = nil) {
        self.bus = bus
        self.detailType = detailType
        self.source = source
    }

    /// Puts events (`events:PutEvents`); `EventBridgeEventBusParameters` is written, if empty, as CDK writes it.
    public func pipeTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeTargetParameters> {
        let parameters = CfnPipes.Pipe.PipeTargetEventBridgeEventBusParameters(detailType: detailType.map(Value.string), source: source.map(Value.string))
        return IntegrationBinding(
            to: bus, arn: bus.arn, statements: [bus.putEventsStatement],
            parameters: CfnPipes.Pipe.PipeTargetParameters(eventBridgeEventBusParameters: parameters))
    }
}

extension PipeTarget {
    /// Put events on `bus`, with the detail type and source given (or EventBridge's defaults).
    public static func eventBus(_ bus: EventBus, detailType: String? = nil, source: String? = nil, input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(EventBusPipeTarget(bus, detailType: detailType, source: source), input: input)
    }
}
