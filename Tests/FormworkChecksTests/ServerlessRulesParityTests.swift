import Foundation
import FormworkChecks
import FormworkTemplate
import Testing

/// `formwork check` against the real cfn-lint-serverless plugin: on templates that pass and fail each of
/// its rules (Scripts/check-parity/fixtures.py wrote them and recorded the plugin's verdicts), the Formwork
/// rule equivalent to each serverless-rules id flags the same resources.
@Suite struct ServerlessRulesParityTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/serverless-rules")

    /// serverless-rules id → flagged logical IDs, per fixture, as the plugin reported them.
    static let expected: [String: [String: [String]]] = {
        let data = try! Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return try! JSONDecoder().decode([String: [String: [String]]].self, from: data)
    }()

    static let serverlessRuleIds = [
        "WS1000", "ES1001", "WS1002", "WS1003", "WS1004", "ES1005", "ES1006", "ES1007", "ES2000",
        "WS2001", "WS2002", "ES2003", "WS3000", "ES4000", "ES6000", "ES7000", "WS5000",
    ]

    /// Where Formwork differs on purpose: serverless-rules does not see the queue a `RedrivePolicy` names
    /// (it reads only `Ref`/`Fn::GetAtt` at the top of the policy), so it asks a dead-letter queue for a
    /// dead-letter queue of its own. Formwork does not (cdk-nag's AwsSolutions-SQS3 does not either).
    static func deliberateDifferences(for id: String, in template: Template) -> Set<String> {
        id == "ES6000" ? template.deadLetterQueueIds : []
    }

    @Test(arguments: expected.keys.sorted())
    func formworkFlagsWhatServerlessRulesFlags(fixture: String) throws {
        let template = try Template.read(contentsOf: Self.folder.appendingPathComponent("\(fixture).json").path)
        let findings = Checker().check(template)
        for id in Self.serverlessRuleIds {
            let ours = Set(findings.filter { $0.equivalents.contains(id) }.map(\.logicalId))
            let theirs = Set(Self.expected[fixture]?[id] ?? []).subtracting(Self.deliberateDifferences(for: id, in: template))
            #expect(ours == theirs, "\(id) on \(fixture)")
        }
    }

    @Test func everyServerlessRuleHasAFormworkEquivalentThatFailsAndPasses() {
        for id in Self.serverlessRuleIds {
            #expect(!ServerlessRules.rules(named: id).isEmpty, "\(id) has no equivalent")
            let flaggedSomewhere = Self.expected.values.contains { $0[id] != nil }
            let cleanSomewhere = Self.expected.values.contains { $0[id] == nil }
            #expect(flaggedSomewhere && cleanSomewhere, "\(id) needs a fixture that fails it and one that passes it")
        }
    }
}

extension Template {
    /// Queues another resource names as its dead-letter queue.
    var deadLetterQueueIds: Set<String> {
        Set(
            resources.values.flatMap { resource -> [String] in
                ["RedrivePolicy", "DestinationConfig", "DeadLetterConfig"].flatMap { resource.properties[$0]?.referencedLogicalIds.elements ?? [] }
                    + (resource.properties["Targets"]?.arrayValue ?? []).flatMap { $0["DeadLetterConfig"]?.referencedLogicalIds.elements ?? [] }
            }
        ).filter { resources[$0]?.type == "AWS::SQS::Queue" }
    }
}
