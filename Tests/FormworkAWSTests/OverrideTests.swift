import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

/// CDK's escape hatches on L2 constructs: any resource a construct declares, by its path, set, replaced or
/// deleted, visible in the template and in validation.
@Suite struct OverrideTests {
    @Test func anOverrideSetsReplacesAndDeletesPropertiesOfAnL2sResource() throws {
        let dlq = Queue("DLQ")
        let queue = Queue("Orders", visibilityTimeout: .seconds(30), deadLetter: .init(queue: dlq, maxReceiveCount: 3))
        let template = try synthesize {
            queue
            queue.override("Properties.VisibilityTimeout", 45)
            queue.override("Properties.RedrivePolicy", nil)
            queue.override("Properties.Tags", [["Key": "team", "Value": "orders"]])
            queue.override("DeletionPolicy", "Retain")
        }
        let entry = try #require(template.resources[logicalId("Orders/Resource")])
        #expect(entry.properties["VisibilityTimeout"] == 45)
        #expect(entry.properties["RedrivePolicy"] == nil)
        #expect(entry.properties["Tags"] == [["Key": "team", "Value": "orders"]])
        #expect(entry.deletionPolicy == "Retain")
    }

    @Test func anOverrideReachesAResourceBelowTheConstruct() throws {
        let function = inlineFunction("Worker")
        let template = try synthesize {
            function
            function.override("Properties.MaxSessionDuration", 7200, at: "ServiceRole/Resource")
        }
        #expect(template.resources[logicalId("Worker/ServiceRole/Resource")]?.properties["MaxSessionDuration"] == 7200)
    }

    @Test func anOverrideIsValidatedWithTheTemplate() {
        let queue = Queue("Orders")
        let error = synthesisError {
            queue
            queue.override("Properties.VisibilityTimeout", "soon")
        }
        #expect(error?.paths.first == "Test/Orders/Resource")
        #expect(error?.message.contains("VisibilityTimeout") == true)
    }

    @Test func anOverrideOfAPathTheConstructDoesNotDeclareSaysSo() {
        let queue = Queue("Orders")
        let error = synthesisError {
            queue
            queue.override("Properties.X", 1, at: "Policy/Resource")
        }
        #expect(error?.code == .invalidOverride)
        #expect(error?.message.contains("has no child 'Policy'") == true)
    }
}
