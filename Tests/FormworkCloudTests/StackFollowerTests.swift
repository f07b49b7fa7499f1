@testable import FormworkCloud
@testable import FormworkDeploy
import Testing

/// What a failed deployment reports: the first resource that failed, not CloudFormation's cancellations.
@Suite struct StackFollowerOutcomeTests {
    @Test func theFirstFailureIsTheResourceThatFailedNotTheCancelledOnes() {
        func event(_ id: String, _ logicalId: String, _ status: String, _ reason: String?) -> CloudFormationClient.StackEvent {
            CloudFormationClient.StackEvent(id: id, logicalId: logicalId, resourceType: "AWS::SQS::Queue", status: status, reason: reason, timestamp: nil)
        }
        let outcome = StackFollower.Outcome(
            status: "UPDATE_ROLLBACK_COMPLETE",
            events: [
                event("1", "Jobs", "UPDATE_IN_PROGRESS", nil),
                event("2", "Other", "UPDATE_FAILED", "Resource update cancelled"),
                event("3", "Jobs", "UPDATE_FAILED", "Invalid value for the parameter VisibilityTimeout"),
                event("4", "Late", "UPDATE_FAILED", "Another reason, after"),
            ])
        #expect(outcome.firstFailure == "Jobs (AWS::SQS::Queue): Invalid value for the parameter VisibilityTimeout")
        #expect(
            DeployError.deploymentFailed(stack: "Orders", reason: outcome.firstFailure!, finalStatus: outcome.status).description
                == "Orders failed to deploy: Jobs (AWS::SQS::Queue): Invalid value for the parameter VisibilityTimeout; the stack is now UPDATE_ROLLBACK_COMPLETE"
        )
    }
}
