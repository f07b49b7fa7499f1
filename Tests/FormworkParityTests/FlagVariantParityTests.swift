import Foundation
import Formwork
import FormworkDiff
import FormworkTemplate
import FormworkTestSupport
import Testing

/// Feature flags proved "both ways": parity cases synthesized with a flag set against its default, against what the
/// real CDK wrote with the same context (`Fixtures/flag-variants/<variant>/`, from `Scripts/cdk-flags/variants.py`,
/// whose variants `Scripts/cdk-flags/variants.json` lists).
@Suite struct FlagVariantParityTests {
    struct Variant: Decodable, Sendable {
        let `case`: String
        let flags: [String: Bool]
    }

    static let variants: [String: Variant] = {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/flag-variants.json")
        guard let data = try? Data(contentsOf: url) else { return [:] }
        return (try? JSONDecoder().decode([String: Variant].self, from: data)) ?? [:]
    }()

    @Test func everyVariantIsListed() {
        #expect(!Self.variants.isEmpty, "Fixtures/flag-variants.json is missing or unreadable")
    }

    @Test(arguments: variants.keys.sorted())
    func caseMatchesCDKWithTheFlagSet(variant name: String) throws {
        let variant = try #require(Self.variants[name])
        let makeStacks = try #require(GeneratedParityTests.cases[variant.case])
        let flags = FeatureFlags(variant.flags.mapValues { JSONValue.bool($0) })
        var differences: [String] = []
        for stack in try App(defaults: .cdk(flags: flags), stacks: makeStacks()).synthesize().stacks {
            let reference = try ParityFixtures.template(stack.name, in: "flag-variants/\(name)")
            differences += ParityCheck.differences(reference: reference, ours: stack.template).map { "\(stack.name): \($0)" }
            let diff = TemplateDiffer().diff(old: ParityCheck.adoptingOwnHandlers(reference, from: stack.template), new: stack.template)
            differences += diff.resources.map { "\(stack.name): migration \($0.action.rawValue) \($0.logicalId)" }
        }
        #expect(differences == [], "\(name)")
    }
}
