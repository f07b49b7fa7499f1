import FormworkCore
import FormworkTemplate
import Testing

/// Notes contributed to a ``Collector``: a role's default policy statements in small.
private let notes = ContributionKey<String>("notes")

/// Declares one topic at finalize, named after the notes contributed to it.
private struct Collector: IdentifiedConstruct {
    let id: String
    let identity = ConstructIdentity()

    func expand(in scope: ConstructScope) throws(SynthesisError) {
        scope.afterExpansion(.finalize) { scope throws(SynthesisError) in
            let gathered = scope.contributions(to: self, as: notes)
            try scope.declare(.resource(ResourceDeclaration(type: "AWS::SNS::Topic", properties: [
                "TopicName": .string(gathered.joined(separator: "-")),
            ])))
        }
    }
}

/// Contributes `note` to `collector` at `stage`.
private struct Contributor: Construct {
    let id: String
    let collector: Collector
    let note: String
    let stage: ConstructScope.Stage

    func expand(in scope: ConstructScope) throws(SynthesisError) {
        scope.require(collector)
        scope.afterExpansion(stage) { scope in
            scope.contribute(note, to: collector, as: notes)
        }
    }
}

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
