import FormworkCore

/// Where a function's asynchronous invocation records go (CDK's `lambda.IDestination`: `SqsDestination`,
/// `SnsDestination`, `LambdaDestination`, `EventBridgeDestination`). Each kind conforms in its own service's
/// folder; a new kind is a new conformance.
public protocol InvocationDestination: Sendable {
    /// The receiver, its ARN and what the function's role needs to deliver there.
    var invocationBinding: IntegrationBinding<Void> { get }
}
