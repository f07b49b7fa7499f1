import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

/// Edges between constructs of two stacks: synthesized as one app would be, whichever way the stacks are
/// processed (stacks that reach into each other are settled in one tree).
@Suite struct CrossStackEdgeTests {
    @Test func aFunctionConsumesAQueueOfAnotherStackThroughAnImport() throws {
        let queue = Queue("Jobs", visibilityTimeout: .seconds(60))
        let worker = inlineFunction("Worker")
        let assembly = try App {
            Stack("Messaging") { queue }
            Stack("Compute") {
                worker
                worker.consumes(queue, batchSize: 5)
            }
        }.synthesize()
        let messaging = assembly.stacks[0].template, compute = assembly.stacks[1].template
        let mapping = try #require(compute.resources.values.first { $0.type == "AWS::Lambda::EventSourceMapping" })
        let arn = try #require(mapping.properties["EventSourceArn"])
        #expect(arn["Fn::ImportValue"] != nil)
        #expect(messaging.outputs.values.contains { $0.value == ["Fn::GetAtt": [.string(logicalId("Jobs/Resource")), "Arn"]] })
        let policy = try #require(compute.resources[logicalId("Worker/ServiceRole/DefaultPolicy/Resource")])
        let statement = try #require(policy.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first)
        #expect(statement["Resource"] == arn)
        #expect(assembly.stacks[1].dependencies == ["Messaging"])
    }
}
