import Foundation
import Formwork
import FormworkDiff
import FormworkTemplate
import FormworkTestSupport
import Testing

/// The differential harness again, with the feature flags `cdk init` writes: every generated case synthesized
/// under `.cdk(flags: .recommended)` against what the real CDK wrote with the same `cdk.json` context
/// (`Fixtures/generated-recommended/`, from `Scripts/cdk-parity/generate.py --synth --flags recommended`).
///
/// The cases whose flags Formwork does not implement yet are listed in `Fixtures/recommended-pending.json`
/// with the flag; each must still differ (a case that reaches parity fails here until it leaves the list).
@Suite struct RecommendedFlagsParityTests {
    static let pending: [String: String] = {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/recommended-pending.json")
        guard let data = try? Data(contentsOf: url), let object = try? JSONSerialization.jsonObject(with: data) as? [String: String] else { return [:] }
        return object
    }()

    static func differences(_ name: String) throws -> [String] {
        let makeStacks = try #require(GeneratedParityTests.cases[name])
        var differences: [String] = []
        for stack in try App(defaults: .cdk(flags: .recommended), stacks: makeStacks()).synthesize().stacks {
            let reference = try ParityFixtures.template(stack.name, in: "generated-recommended")
            differences += ParityCheck.differences(reference: reference, ours: stack.template).map { "\(stack.name): \($0)" }
            let diff = TemplateDiffer().diff(old: ParityCheck.adoptingOwnHandlers(reference, from: stack.template), new: stack.template)
            differences += diff.resources.map { "\(stack.name): migration \($0.action.rawValue) \($0.logicalId)" }
        }
        return differences
    }

    @Test(arguments: GeneratedCases.all.map(\.name))
    func caseMatchesCDKWithCDKInitsFlags(name: String) throws {
        let differences = try Self.differences(name)
        if let flag = Self.pending[name] {
            #expect(!differences.isEmpty, "\(name) is at parity now: remove it from recommended-pending.json (it waited for \(flag))")
        } else {
            #expect(differences == [], "\(name)")
        }
    }
}
