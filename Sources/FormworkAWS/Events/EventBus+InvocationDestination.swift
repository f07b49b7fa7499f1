import FormworkCore

/// An event bus receives an asynchronous invocation's record as an event with the request, the response and the
/// invocation's details (the sender may put events on it).
extension EventBus: InvocationDestination {
    /// Put on the bus.
    public var invocationBinding: IntegrationBinding<Void> {
        IntegrationBinding(to: self, arn: arn, statements: [putEventsStatement])
    }
}

extension InvocationDestination where Self == EventBus {
    /// Put on `bus` (`EventBridgeDestination`).
    public static func eventBus(_ bus: EventBus) -> EventBus { bus }
}
