import Foundation
import FormworkCore
import FormworkTemplate
import FormworkTestSupport
@testable import Patterns
import Testing

/// The pattern stacks against what the real AWS CDK synthesized for the same app.
@Suite struct PatternParityTests {
    static let stacks = [
        "QueueStack", "FanoutStack", "WorkerStack", "TableStack", "EventBusStack", "WorkflowStack", "SagaStack", "RestApiStack", "WebhookStack", "StreamStack",
        "SharedStack", "ConsumerStack", "UploadStack",
    ]

    static func reference(_ stack: String) throws -> Template {
        try ParityFixtures.template(stack, in: "cdk")
    }

    @Test(arguments: stacks)
    func patternStackMatchesCDK(stack: String) throws {
        let assembly = try PatternsApp.app.synthesize()
        let ours = try #require(assembly.stack(named: stack)).template
        #expect(ParityCheck.differences(reference: try Self.reference(stack), ours: ours) == [])
    }

    @Test func theConsumerStackDependsOnTheSharedStack() throws {
        let assembly = try PatternsApp.app.synthesize()
        #expect(assembly.stack(named: "ConsumerStack")?.dependencies == ["SharedStack"])
    }
}
