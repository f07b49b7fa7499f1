import FormworkDiff
import FormworkTemplate
import Testing

@Suite struct RendererGoldenTests {
    static func diff() throws -> TemplateDiff {
        let old = try Template(json: [
            "Resources": [
                "Queue": ["Type": "AWS::SQS::Queue", "Properties": ["QueueName": "jobs"]],
                "Old": ["Type": "AWS::SNS::Topic"],
            ], "Outputs": ["Url": ["Value": .ref("Queue")]],
        ])
        let new = try Template(json: [
            "Resources": [
                "Queue": ["Type": "AWS::SQS::Queue", "Properties": ["QueueName": "jobs-v2"], "UpdateReplacePolicy": "Retain"],
                "Policy": [
                    "Type": "AWS::SQS::QueuePolicy",
                    "Properties": [
                        "Queues": [.ref("Queue")],
                        "PolicyDocument": ["Statement": [["Action": "sqs:*", "Effect": "Allow", "Principal": "*", "Resource": "*"]]],
                    ],
                ],
            ], "Outputs": ["Url": ["Value": .ref("Queue")], "Arn": ["Value": .getAtt("Queue", "Arn")]],
        ])
        return TemplateDiffer().diff(old: old, new: new)
    }

    @Test func theTextRendering() throws {
        #expect(
            DiffTextRenderer().render("Orders", try Self.diff()) == """
                Stack Orders: 1 to add, 1 to replace, 1 to destroy
                IAM statement changes
                [+] Allow sqs:* on ${Queue} for * (widens access) (wildcard)
                Resources
                [-] AWS::SNS::Topic Old destroy
                [+] AWS::SQS::QueuePolicy Policy
                [~] AWS::SQS::Queue Queue replace
                 ├─ [~] QueueName (requires replacement): "jobs" → "jobs-v2"
                 ├─ [~] UpdateReplacePolicy (resource attribute)
                 ├─ (!) AWS::SQS::Queue holds data: replacing it loses the data
                 └─ (!) the old resource is kept (UpdateReplacePolicy: Retain)
                Outputs
                [+] Arn: {"Value":{"Fn::GetAtt":["Queue","Arn"]}}

                """)
    }

    @Test func theMarkdownRendering() throws {
        let markdown = DiffMarkdownRenderer.render([("Orders", try Self.diff()), ("Shared", TemplateDiffer().diff(old: Template(), new: Template()))])
        #expect(
            markdown.hasPrefix(
                """
                ## Formwork diff

                | stack | add | update | replace | may replace | destroy | orphan |
                |---|---|---|---|---|---|---|
                | `Orders` | 1 | 0 | 1 | 0 | 1 | 0 |
                | `Shared` | 0 | 0 | 0 | 0 | 0 | 0 |

                ### `Orders`

                **Replaced, destroyed or orphaned:**

                - **destroy** `Old` (AWS::SNS::Topic)
                - **replace** `Queue` (AWS::SQS::Queue)
                  - ⚠️ AWS::SQS::Queue holds data: replacing it loses the data
                  - ⚠️ the old resource is kept (UpdateReplacePolicy: Retain)

                <details><summary>Full diff</summary>
                """))
        #expect(!markdown.contains("### `Shared`"))
    }
}
