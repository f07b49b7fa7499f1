import Foundation
@testable import FormworkDeploy
@testable import FormworkCloud
import FormworkDiff
import FormworkTemplate
import Testing

/// A change set read from CloudFormation's answer, and compared with the static diff resource by resource.
@Suite struct ChangeSetVerdictTests {
    /// The shape of a DescribeChangeSet answer (CloudFormation API reference).
    static func answer(queueReplacement: String, recreation: String) -> Data {
        Data(
            """
            <DescribeChangeSetResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <DescribeChangeSetResult>
                <ChangeSetName>formwork-diff-1</ChangeSetName>
                <Status>CREATE_COMPLETE</Status>
                <ExecutionStatus>AVAILABLE</ExecutionStatus>
                <Changes>
                  <member><Type>Resource</Type><ResourceChange>
                    <Action>Modify</Action>
                    <Details><member>
                      <ChangeSource>DirectModification</ChangeSource><Evaluation>Static</Evaluation>
                      <Target><Attribute>Properties</Attribute><Name>QueueName</Name><RequiresRecreation>\(recreation)</RequiresRecreation></Target>
                    </member></Details>
                    <LogicalResourceId>Queue</LogicalResourceId><PhysicalResourceId>https://sqs/jobs-v1</PhysicalResourceId>
                    <Replacement>\(queueReplacement)</Replacement><ResourceType>AWS::SQS::Queue</ResourceType>
                    <Scope><member>Properties</member></Scope>
                  </ResourceChange></member>
                  <member><Type>Resource</Type><ResourceChange>
                    <Action>Remove</Action><LogicalResourceId>Topic</LogicalResourceId><ResourceType>AWS::SNS::Topic</ResourceType>
                  </ResourceChange></member>
                  <member><Type>Resource</Type><ResourceChange>
                    <Action>Add</Action><LogicalResourceId>Log</LogicalResourceId><ResourceType>AWS::Logs::LogGroup</ResourceType>
                  </ResourceChange></member>
                </Changes>
              </DescribeChangeSetResult>
            </DescribeChangeSetResponse>
            """.utf8)
    }

    static let diff: TemplateDiff = {
        let old = try! Template.parse(
            #"{"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs-v1"}}, "Topic": {"Type": "AWS::SNS::Topic"}}}"#)
        let new = try! Template.parse(
            #"{"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs-v2"}}, "Log": {"Type": "AWS::Logs::LogGroup"}}}"#)
        return TemplateDiffer().diff(old: old, new: new)
    }()

    func verdicts(queueReplacement: String, recreation: String) throws -> (ChangeSet, [CloudFormationVerdict]) {
        let tree = try #require(XMLTree.parse(Self.answer(queueReplacement: queueReplacement, recreation: recreation)))
        let changeSet = ChangeSet(try #require(tree["DescribeChangeSetResult"]))
        return (changeSet, changeSet.changes.compactMap(DeployedStacks.verdict))
    }

    @Test func aChangeSetIsReadWithItsReplacementsAndTheirCauses() throws {
        let (changeSet, verdicts) = try verdicts(queueReplacement: "True", recreation: "Always")
        #expect(changeSet.status == "CREATE_COMPLETE" && changeSet.executionStatus == "AVAILABLE" && !changeSet.isPending)
        #expect(
            changeSet.changes.first?.details == [
                ChangeSet.Detail(
                    attribute: "Properties", name: "QueueName", requiresRecreation: "Always",
                    changeSource: "DirectModification", causingEntity: nil)
            ])
        #expect(
            verdicts == [
                CloudFormationVerdict(logicalId: "Queue", resourceType: "AWS::SQS::Queue", action: "replace", recreatingProperties: ["QueueName"]),
                CloudFormationVerdict(logicalId: "Topic", resourceType: "AWS::SNS::Topic", action: "destroy"),
                CloudFormationVerdict(logicalId: "Log", resourceType: "AWS::Logs::LogGroup", action: "add"),
            ])
    }

    @Test func theSameVerdictsAgreeWithTheStaticDiff() throws {
        let (_, verdicts) = try verdicts(queueReplacement: "True", recreation: "Always")
        #expect(ChangeSetVerdicts.disagreements(Self.diff, verdicts).isEmpty)
        #expect(ChangeSetVerdicts.describe([], changes: 3) == ["CloudFormation's change set (3 changes) agrees with this diff."])
    }

    @Test func aDifferentVerdictIsReportedWithCloudFormationsCause() throws {
        let (_, verdicts) = try verdicts(queueReplacement: "Conditional", recreation: "Conditionally")
        let disagreements = ChangeSetVerdicts.disagreements(Self.diff, verdicts)
        #expect(
            disagreements == [
                VerdictDisagreement(
                    logicalId: "Queue", resourceType: "AWS::SQS::Queue", formwork: "replace",
                    cloudFormation: "may-replace", recreatingProperties: ["QueueName"])
            ])
        #expect(
            ChangeSetVerdicts.describe(disagreements, changes: 3) == [
                "CloudFormation's change set disagrees on 1 resource:",
                "  Queue (AWS::SQS::Queue): Formwork says replace, CloudFormation says may-replace (because of QueueName)",
            ])
    }

    @Test func aResourceOnlyOneSideChangesIsADisagreement() {
        let verdicts = [CloudFormationVerdict(logicalId: "Queue", resourceType: "AWS::SQS::Queue", action: "replace")]
        let disagreements = ChangeSetVerdicts.disagreements(Self.diff, verdicts)
        #expect(disagreements.map(\.logicalId) == ["Log", "Topic"])
        #expect(disagreements.allSatisfy { $0.cloudFormation == "no change" })
    }

    @Test func aChangeSetWithoutChangesIsRecognisedByItsReason() {
        let empty = ChangeSet(
            status: "FAILED", statusReason: "The submitted information didn't contain changes. Submit different information to create a change set.")
        #expect(empty.hasNoChanges)
        #expect(!ChangeSet(status: "FAILED", statusReason: "Template format error").hasNoChanges)
    }
}
