import Formwork
import FormworkDiff
import FormworkTemplate
import FormworkTestSupport
import Testing

/// The differential harness: every generated case (Scripts/cdk-parity/cases.py) synthesized by Formwork
/// under the CDK defaults profile, against the template the real CDK synthesized for the same case.
@Suite struct GeneratedParityTests {
    static let cases = Dictionary(uniqueKeysWithValues: GeneratedCases.all.map { ($0.name, $0.stacks) })

    /// Every stack of the case `name`, synthesized together.
    static func synthesize(_ name: String) throws -> [CloudAssembly.StackArtifact] {
        let makeStacks = try #require(cases[name])
        return try App(defaults: .cdk, stacks: makeStacks()).synthesize().stacks
    }

    @Test(arguments: GeneratedCases.all.map(\.name))
    func caseMatchesCDK(name: String) throws {
        for stack in try Self.synthesize(name) {
            let differences = ParityCheck.differences(reference: try ParityFixtures.template(stack.name, in: "generated"), ours: stack.template)
            #expect(differences == [], "\(stack.name)")
        }
    }

    /// What a user moving the stacks over runs: Formwork's diff of each against CDK's lists nothing.
    @Test(arguments: GeneratedCases.all.map(\.name))
    func migrationDiffIsEmpty(name: String) throws {
        for stack in try Self.synthesize(name) {
            let reference = ParityCheck.adoptingOwnHandlers(try ParityFixtures.template(stack.name, in: "generated"), from: stack.template)
            let diff = TemplateDiffer().diff(old: reference, new: stack.template)
            #expect(diff.resources.map { "\($0.action.rawValue) \($0.logicalId)" } == [], "\(stack.name)")
        }
    }
}
