import FormworkCore

/// Where a service delivers records on a function's or a pipe's behalf (an asynchronous invocation's result, a
/// batch that failed every retry), and what the sender's role needs to deliver there.
public struct RecordDelivery: Sendable {
    /// The construct receiving the records: the sender depends on it.
    public var receiver: any IdentifiedConstruct
    /// The receiver's ARN (`Destination`, `DeadLetterConfig.Arn`).
    public var arn: Value
    /// What the sender's role is allowed, as CDK grants it.
    public var statements: [PolicyStatement]

    /// Delivery to `receiver` at `arn`, the sender's role allowed `statements`.
    public init(to receiver: any IdentifiedConstruct, arn: Value, statements: [PolicyStatement]) {
        self.receiver = receiver
        self.arn = arn
        self.statements = statements
    }
}

/// Where a function's asynchronous invocation records go (CDK's `lambda.IDestination`: `SqsDestination`,
/// `SnsDestination`, `LambdaDestination`, `EventBridgeDestination`). Each kind conforms in its own service's
/// folder; a new kind is a new conformance.
public protocol InvocationDestination: Sendable {
    /// The receiver, its ARN and what the function's role needs to deliver there.
    var invocationDelivery: RecordDelivery { get }
}

/// Where a stream's or a pipe's records go when they failed every retry (CDK's `IEventSourceDlq`: `SqsDlq`,
/// `SnsDlq`; a pipe's dead-letter target). Each kind conforms in its own service's folder.
public protocol FailedRecordDestination: Sendable {
    /// The receiver, its ARN and what the reading role needs to deliver there.
    var failedRecordDelivery: RecordDelivery { get }
}
