@testable import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

/// CDK's `minimizePolicies`: which statements merge (same effect and conditions, no Sid, at most one of
/// actions, resources and principals different) and how a resolved document is sorted.
@Suite struct PolicyMinimizingTests {
    @Test func statementsDifferingOnlyInResourcesOrOnlyInActionsMerge() {
        let merged = PolicyMinimizing.merged([
            PolicyStatement(actions: ["sqs:SendMessage"], resources: ["arn:a"]),
            PolicyStatement(actions: ["sqs:SendMessage"], resources: ["arn:b"]),
            PolicyStatement(actions: ["sqs:ReceiveMessage"], resources: ["arn:a", "arn:b"]),
        ])
        // The first two merge on the first pass; the result then shares its resources with the third.
        #expect(merged == [PolicyStatement(actions: ["sqs:SendMessage", "sqs:ReceiveMessage"], resources: ["arn:a", "arn:b"])])
    }

    @Test func statementsDifferingInTwoThingsOrInConditionsOrWithASidStayApart() {
        let apart = [
            PolicyStatement(actions: ["s3:GetObject"], resources: ["arn:a"]),
            PolicyStatement(actions: ["s3:PutObject"], resources: ["arn:b"]),
            PolicyStatement(actions: ["s3:GetObject"], resources: ["arn:c"], condition: ["Bool": ["aws:SecureTransport": "true"]]),
            PolicyStatement(sid: "Kept", actions: ["s3:GetObject"], resources: ["arn:d"]),
            PolicyStatement(effect: .deny, actions: ["s3:GetObject"], resources: ["arn:e"]),
        ]
        #expect(PolicyMinimizing.merged(apart) == apart)
    }

    @Test func principalsOfTheSameKindMergeIntoOneList() {
        let merged = PolicyMinimizing.merged([
            PolicyStatement(actions: ["sqs:SendMessage"], resources: ["arn:q"], principal: ["Service": "sns.amazonaws.com"]),
            PolicyStatement(actions: ["sqs:SendMessage"], resources: ["arn:q"], principal: ["Service": "events.amazonaws.com"]),
        ])
        #expect(merged.map(\.principal) == [["Service": ["sns.amazonaws.com", "events.amazonaws.com"]]])
    }

    @Test func aResolvedDocumentIsSortedByJSONTextAndAListOfOneBecomesItsElement() {
        let document: JSONValue = [
            "Statement": [
                [
                    "Action": ["s3:List*", "s3:GetObject*", "s3:GetBucket*"], "Effect": "Allow",
                    "Resource": [["Fn::Join": ["", [["Fn::GetAtt": ["B", "Arn"]], "/*"]]], ["Fn::GetAtt": ["B", "Arn"]]],
                ],
                [
                    "Action": ["sqs:SendMessage", "sqs:SendMessage"], "Effect": "Allow", "Principal": ["Service": ["b.amazonaws.com", "a.amazonaws.com"]],
                    "Resource": "*",
                ],
            ], "Version": "2012-10-17",
        ]
        let sorted = PolicyDocumentSorting().transform(["PolicyDocument": document])["PolicyDocument"]
        let statements = sorted?["Statement"]?.arrayValue ?? []
        #expect(statements.count == 2)
        #expect(statements.first?["Action"] == ["s3:GetBucket*", "s3:GetObject*", "s3:List*"])
        #expect(statements.first?["Resource"] == [["Fn::GetAtt": ["B", "Arn"]], ["Fn::Join": ["", [["Fn::GetAtt": ["B", "Arn"]], "/*"]]]])
        #expect(statements.last?["Action"] == "sqs:SendMessage")
        #expect(statements.last?["Principal"] == ["Service": ["a.amazonaws.com", "b.amazonaws.com"]])
    }
}
