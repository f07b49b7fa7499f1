import FormworkCore
import FormworkTemplate
import Testing

@Suite struct ContributionTests {
    @Test func edgesContributeBeforeTheTargetGathersInTheOrderTheyRan() throws {
        let collector = Collector(id: "Collector")
        let assembly = try App {
            Stack("Test") {
                collector
                Contributor(id: "First", collector: collector, note: "a", stage: .edges)
                Contributor(id: "Second", collector: collector, note: "b", stage: .edges)
            }
        }.synthesize()
        let topic = try #require(assembly.stacks.first?.template.resources["Collector"])
        #expect(topic.properties["TopicName"] == "a-b")
    }

    @Test func aContributionAfterTheTargetGatheredFailsNamingTheContributor() {
        let collector = Collector(id: "Collector")
        let app = App {
            Stack("Test") {
                collector
                Contributor(id: "Late", collector: collector, note: "lost", stage: .finalize)
            }
        }
        #expect {
            _ = try app.synthesize()
        } throws: { error in
            guard let error = error as? SynthesisError else { return false }
            return error.code == .lateContribution && error.paths == ["Test/Late"]
                && error.message.contains("Test/Collector")
        }
    }
}
