import FormworkDiff
import FormworkTemplate
@testable import Patterns
import Testing

/// The README's migration check on the pattern stacks: Formwork's diff of each synthesized stack against the
/// template CDK wrote for it lists no resource.
@Suite struct MigrationDiffTests {
    @Test(arguments: PatternParityTests.stacks)
    func patternStackMovesOverWithNoResourceChanged(stack: String) throws {
        let assembly = try PatternsApp.app.synthesize()
        let ours = try #require(assembly.stack(named: stack)).template
        let diff = TemplateDiffer().diff(old: try ParityFixtures.template(stack, in: "cdk"), new: ours)
        #expect(diff.resources.map { "\($0.action.rawValue) \($0.logicalId)" } == [])
    }

    /// UploadStack is the exception, by design: Formwork sends bucket notifications through EventBridge
    /// rather than CDK's custom resource and its handler function. The diff says so plainly.
    @Test func theUploadStackTradesCDKsNotificationHandlerForEventBridge() throws {
        let assembly = try PatternsApp.app.synthesize()
        let ours = try #require(assembly.stack(named: "UploadStack")).template
        let diff = TemplateDiffer().diff(old: try ParityFixtures.template("UploadStack", in: "cdk"), new: ours)
        let destroyed = Set(diff.resources.filter { $0.action == .destroy }.compactMap(\.oldType))
        #expect(destroyed == ["Custom::S3BucketNotifications", "AWS::Lambda::Function", "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::Lambda::Permission"])
        #expect(!diff.resources.contains { $0.action == .replace })
    }
}
