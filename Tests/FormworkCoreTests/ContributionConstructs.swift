import FormworkCore

/// Notes contributed to a ``Collector``: a role's default policy statements in small.
let notes = ContributionKey<String>("notes")

/// Declares one topic at finalize, named after the notes contributed to it.
struct Collector: IdentifiedConstruct {
    let id: String
    let identity = ConstructIdentity()

    func expand(in scope: ConstructScope) throws(SynthesisError) {
        scope.afterExpansion(.finalize) { scope throws(SynthesisError) in
            let gathered = scope.contributions(to: self, as: notes)
            try scope.declare(
                .resource(
                    ResourceDeclaration(
                        type: "AWS::SNS::Topic",
                        properties: [
                            "TopicName": .string(gathered.joined(separator: "-"))
                        ])))
        }
    }
}

/// Contributes `note` to `collector` at `stage`.
struct Contributor: Construct {
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
