import Foundation
import Formwork
import FormworkTemplate
import FormworkTestSupport
import Testing

/// The `BootstrapVersion` parameter and `CheckBootstrapVersion` rule CDK's default synthesizer writes, against
/// what the real CDK wrote (`Fixtures/bootstrap-version/`: aws-cdk-lib 2.275.0, a queue per stack, the default
/// qualifier and `team1`).
@Suite struct BootstrapVersionCheckTests {
    static func synthesize(_ bootstrap: BootstrapNames, stack: String) throws -> Template {
        try #require(try App(defaults: .cdk, bootstrap: bootstrap) { Stack(stack) { Queue("Q") } }.synthesize().stacks.first?.template)
    }

    @Test(arguments: [("Plain", BootstrapNames.cdkDefaultSynthesizer), ("Qualified", BootstrapNames(qualifier: "team1", checksVersion: true))])
    func theParameterAndRuleAreCDKs(stack: String, bootstrap: BootstrapNames) throws {
        let ours = try Self.synthesize(bootstrap, stack: stack)
        let reference = try ParityFixtures.template(stack, in: "bootstrap-version")
        #expect(ours.parameters == reference.parameters)
        #expect(ours.rules == reference.rules)
        #expect(ParityCheck.differences(reference: reference, ours: ours) == [])
    }

    @Test func withoutTheCheckTheTemplateHasNeither() throws {
        let ours = try Self.synthesize(.default, stack: "Plain")
        #expect(ours.parameters.isEmpty && ours.rules.isEmpty)
    }
}
