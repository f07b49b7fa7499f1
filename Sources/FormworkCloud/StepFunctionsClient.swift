import Foundation

/// The Step Functions call a hotswap deployment makes: replace a state machine's definition.
public struct StepFunctionsClient: Sendable {
    let json: AWSJSONClient

    /// A client for Step Functions in `region` as `environment` reaches it.
    public init(environment: AWSEnvironment, region: String, credentials: RefreshingCredentials) throws(CloudError) {
        json = try AWSJSONClient(service: "states", environment: environment, region: region, credentials: credentials)
    }

    /// Replaces the definition of the state machine `arn` with `definition`, Amazon States Language text
    /// (`UpdateStateMachine`).
    public func updateStateMachine(_ arn: String, definition: String) async throws(CloudError) {
        struct Request: Encodable, Sendable {
            let stateMachineArn: String
            let definition: String
        }
        _ = try await json.call(
            "UpdateStateMachine", target: "AWSStepFunctions.UpdateStateMachine",
            body: Request(stateMachineArn: arn, definition: definition), as: AWSJSONClient.NoAnswer.self)
    }

    /// What `DescribeStateMachine` says of a state machine, as far as a hotswap reads it.
    public struct StateMachine: Decodable, Sendable, Equatable {
        /// The state machine's ARN.
        public var stateMachineArn: String
        /// Its definition: Amazon States Language, as JSON text.
        public var definition: String
    }

    /// The state machine `arn` (`DescribeStateMachine`).
    public func stateMachine(_ arn: String) async throws(CloudError) -> StateMachine {
        struct Request: Encodable, Sendable {
            let stateMachineArn: String
        }
        return try await json.call(
            "DescribeStateMachine", target: "AWSStepFunctions.DescribeStateMachine",
            body: Request(stateMachineArn: arn), as: StateMachine.self)
    }
}
