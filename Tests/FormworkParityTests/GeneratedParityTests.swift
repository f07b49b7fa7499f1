import Formwork
import FormworkDiff
import FormworkTemplate
import FormworkTestSupport
import Testing

/// The differential harness: every generated case (Scripts/cdk-parity/cases.py) synthesized by Formwork
/// under the CDK defaults profile, against the template the real CDK synthesized for the same case.
@Suite struct GeneratedParityTests {
    static let cases = Dictionary(uniqueKeysWithValues: GeneratedCases.all.map { ($0.name, $0.stack) })

    static func synthesize(_ name: String) throws -> Template {
        let makeStack = try #require(cases[name])
        let assembly = try App(defaults: .cdk, stacks: [makeStack()]).synthesize()
        return try #require(assembly.stack(named: name)).template
    }

    @Test(arguments: GeneratedCases.all.map(\.name))
    func caseMatchesCDK(name: String) throws {
        let differences = ParityCheck.differences(reference: try ParityFixtures.template(name, in: "generated"), ours: try Self.synthesize(name))
        #expect(differences == [])
    }

    /// What a user moving the stack over runs: Formwork's diff of its template against CDK's lists nothing.
    @Test(arguments: GeneratedCases.all.map(\.name))
    func migrationDiffIsEmpty(name: String) throws {
        let reference = try ParityFixtures.template(name, in: "generated")
        let diff = TemplateDiffer().diff(old: reference, new: try Self.synthesize(name))
        #expect(diff.resources.map { "\($0.action.rawValue) \($0.logicalId)" } == [])
    }
}
