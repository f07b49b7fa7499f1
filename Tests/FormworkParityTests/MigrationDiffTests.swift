import FormworkDiff
import FormworkTemplate
@testable import Patterns
import Testing

/// The README's migration check on the pattern stacks: Formwork's diff of each synthesized stack against the
/// template CDK wrote for it lists no resource.
@Suite struct MigrationDiffTests {
    @Test(arguments: PatternParityTests.stacks.filter { $0 != "UploadStack" })
    func patternStackMovesOverWithNoResourceChanged(stack: String) throws {
        let assembly = try PatternsApp.app.synthesize()
        let ours = try #require(assembly.stack(named: stack)).template
        let diff = TemplateDiffer().diff(old: try ParityFixtures.template(stack, in: "cdk"), new: ours)
        #expect(diff.resources.map { "\($0.action.rawValue) \($0.logicalId)" } == [])
    }

    /// UploadStack keeps CDK's Custom::S3BucketNotifications, unchanged, so CloudFormation never calls a handler to
    /// delete it (CDK's would empty the bucket's notification configuration, EventBridge included: ARCHITECTURE.md,
    /// "S3 notifications"). Only the handler function changes, in place: Formwork's code instead of CDK's.
    @Test func theUploadStackKeepsCDKsNotificationsResourceAndUpdatesOnlyTheHandlersCode() throws {
        let assembly = try PatternsApp.app.synthesize()
        let ours = try #require(assembly.stack(named: "UploadStack")).template
        let diff = TemplateDiffer().diff(old: try ParityFixtures.template("UploadStack", in: "cdk"), new: ours)
        #expect(diff.resources.map { "\($0.action.rawValue) \($0.logicalId)" } == ["update BucketNotificationsHandler050a0587b7544547bf325f094a3db8347ECC3691"])
    }
}
