import FormworkCore

/// Where a stream's or a pipe's records go when they failed every retry (CDK's `IEventSourceDlq`: `SqsDlq`,
/// `SnsDlq`; a pipe's dead-letter target). Each kind conforms in its own service's folder.
public protocol FailedRecordDestination: Sendable {
    /// The receiver, its ARN and what the reading role needs to deliver there.
    var failedRecordBinding: IntegrationBinding<Void> { get }
}
