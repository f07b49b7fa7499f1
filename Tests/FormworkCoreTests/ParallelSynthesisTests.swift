import FormworkCore
import FormworkTemplate
import Testing

/// Declares a topic at finalize from a scope it kept while it expanded, rather than the scope it is given.
private struct KeepsItsScope: Construct {
    let id: String

    func expand(in scope: ConstructScope) throws(SynthesisError) {
        let kept = try scope.child("Kept")
        scope.afterExpansion(.finalize) { _ throws(SynthesisError) in
            try kept.declare(.resource(ResourceDeclaration(type: "AWS::SNS::Topic")))
        }
    }
}

/// Declares a queue named after the path of `other`, looked up while it expands, or at `stage` without
/// requiring `other`.
private struct NamesAfter: Construct {
    let id: String
    let other: Resource
    var stage: ConstructScope.Stage?

    func expand(in scope: ConstructScope) throws(SynthesisError) {
        guard let stage else { return try declare(in: scope) }
        scope.afterExpansion(stage) { scope throws(SynthesisError) in try declare(in: scope) }
    }

    private func declare(in scope: ConstructScope) throws(SynthesisError) {
        try scope.declare(
            .resource(
                ResourceDeclaration(
                    type: "AWS::SQS::Queue",
                    properties: [
                        "QueueName": .string(try scope.scope(of: other).path)
                    ])))
    }
}

/// Declares a queue named after the path of `other`, found by an edge that does not require it.
private struct FindsWithoutRequiring: Construct {
    let id: String
    let other: Resource

    func expand(in scope: ConstructScope) throws(SynthesisError) {
        scope.afterExpansion(.edges) { [other] scope throws(SynthesisError) in
            let path = try scope.scope(of: other).path
            try scope.declare(.resource(ResourceDeclaration(type: "AWS::SQS::Queue", properties: ["QueueName": .string(path)])))
        }
    }
}

/// Stacks are expanded and settled in parallel, each in a tree of its own; these pin that the result is what
/// settling them in one tree gives, including when a stack reaches into another.
@Suite struct ParallelSynthesisTests {
    @Test func manyStacksComeOutInStackOrderAsTheyWouldSerially() throws {
        let app = App {
            for index in 0..<12 {
                Stack("S\(index)") {
                    Resource("Queue", type: "AWS::SQS::Queue")
                    Group("Inner\(index)") { Resource("Topic", type: "AWS::SNS::Topic") }
                }
            }
        }
        let assembly = try app.synthesize()
        #expect(assembly.stacks.map(\.name) == (0..<12).map { "S\($0)" })
        for (index, stack) in assembly.stacks.enumerated() {
            #expect(stack.template.resources.keys.elements == ["Queue", LogicalId.make(["Inner\(index)", "Topic"])])
        }
        let again = try CloudAssemblyWriter().contents(for: app.synthesize()).files
        #expect(try CloudAssemblyWriter().contents(for: assembly).files == again)
    }

    /// A stack of its own: a queue, a topic in a group, an output reading the queue, and, when `empty`, nothing
    /// (which validation warns about).
    private func ownStack(_ index: Int, empty: Bool = false) -> Stack {
        Stack("S\(index)") {
            if !empty {
                let queue = Resource("Queue", type: "AWS::SQS::Queue", properties: ["VisibilityTimeout": .number(Double(30 + index))])
                queue
                Group("Inner") { Resource("Topic", type: "AWS::SNS::Topic").dependsOn(queue) }
                Output("QueueArn", value: queue.getAtt("Arn"))
            }
        }
    }

    @Test func stacksThatKeepToThemselvesComeOutAsEachDoesAlone() throws {
        // Resolved apart, a task each, every stack must write what an app of that stack alone writes.
        let stacks = (0..<8).map { ownStack($0) }
        let together = try CloudAssemblyWriter().contents(for: App { for stack in stacks { stack } }.synthesize()).files
        for stack in stacks {
            let alone = try CloudAssemblyWriter().contents(for: App { stack }.synthesize()).files
            let name = "\(stack.name).template.json"
            #expect(together[name] != nil && together[name] == alone[name], "\(stack.name)")
        }
    }

    @Test func warningsOfStacksResolvedApartComeInStackOrder() throws {
        let assembly = try App { for index in 0..<6 { ownStack(index, empty: index % 2 == 1) } }.synthesize()
        let warned = assembly.warnings.compactMap { warning in ["S1", "S3", "S5"].first { warning.contains(" \($0) ") || warning.contains(" \($0):") } }
        #expect(warned == ["S1", "S3", "S5"])
    }

    @Test func anErrorInAStackResolvedApartIsTheOneTheWholeAppReports() {
        // A stack that fails to resolve sends the app through the serial path, which reports the error as ever:
        // here the first stack's invalid queue, though a later stack resolved apart fails too.
        func bad(_ name: String) -> Stack {
            Stack(name) { Resource("Queue", type: "AWS::SQS::Queue", properties: ["VisibilityTimeout": "forever"]) }
        }
        let error = #expect(throws: SynthesisError.self) {
            _ = try App {
                ownStack(0)
                bad("Broken")
                ownStack(2)
                bad("AlsoBroken")
            }.synthesize()
        }
        #expect(error?.paths.first?.hasPrefix("Broken/") == true)
    }

    @Test func aScopeKeptFromExpansionStillDeclaresAfterTheTreesAreMerged() throws {
        let assembly = try App {
            Stack("First") { KeepsItsScope(id: "A") }
            Stack("Second") { KeepsItsScope(id: "B") }
        }.synthesize()
        #expect(assembly.stacks[1].template.resources.keys.elements == [LogicalId.make(["B", "Kept"])])
    }

    @Test func theSameConstructListedInTwoStacksIsStillAnError() {
        let queue = Resource("Queue", type: "AWS::SQS::Queue")
        #expect {
            _ = try App {
                Stack("First") { queue }
                Stack("Second") { queue }
            }.synthesize()
        } throws: { error in
            (error as? SynthesisError)?.code == .listedTwice && (error as? SynthesisError)?.paths == ["First/Queue", "Second/Queue"]
        }
    }

    @Test func aLookupOfAConstructInAnEarlierStackFindsIt() throws {
        let topic = Resource("Topic", type: "AWS::SNS::Topic")
        let sameStack = try App {
            Stack("First") {
                topic
                NamesAfter(id: "Queue", other: topic)
            }
        }.synthesize()
        let otherTopic = Resource("Topic", type: "AWS::SNS::Topic")
        let twoStacks = try App {
            Stack("First") { otherTopic }
            Stack("Second") { NamesAfter(id: "Queue", other: otherTopic) }
        }.synthesize()
        let name = sameStack.stacks[0].template.resources["Queue"]?.properties["QueueName"]
        #expect(name != nil)
        #expect(twoStacks.stacks[1].template.resources["Queue"]?.properties["QueueName"] == name)
    }

    @Test func anEdgeContributingToAnotherStacksConstructIsSeenByIt() throws {
        let collector = Collector(id: "Collector")
        let assembly = try App {
            Stack("First") {
                collector
                Contributor(id: "Near", collector: collector, note: "a", stage: .edges)
            }
            Stack("Second") { Contributor(id: "Far", collector: collector, note: "b", stage: .edges) }
        }.synthesize()
        #expect(assembly.stacks[0].template.resources["Collector"]?.properties["TopicName"] == "a-b")
    }

    @Test func aConstructListedNowhereButReferencedFromTwoStacksIsStillAnError() {
        let queue = Resource("Queue", type: "AWS::SQS::Queue")
        #expect {
            _ = try App {
                Stack("First") { Output("Url", value: queue.ref) }
                Stack("Second") { Output("Url", value: queue.ref) }
            }.synthesize()
        } throws: { error in
            (error as? SynthesisError)?.code == .unlistedSharedConstruct
        }
    }

    @Test func anEdgeThatFindsAnotherStacksConstructWithoutRequiringItStillFindsIt() throws {
        let topic = Resource("Topic", type: "AWS::SNS::Topic")
        let assembly = try App {
            Stack("First") { topic }
            Stack("Second") { FindsWithoutRequiring(id: "Queue", other: topic) }
        }.synthesize()
        #expect(assembly.stacks[1].template.resources["Queue"]?.properties["QueueName"] == "First/Topic")
    }

    @Test func aLookupWhileSettlingFindsAConstructOfAnotherStack() throws {
        let topic = Resource("Topic", type: "AWS::SNS::Topic")
        let sameStack = try App {
            Stack("First") {
                topic
                NamesAfter(id: "Queue", other: topic, stage: .finalize)
            }
        }.synthesize()
        let otherTopic = Resource("Topic", type: "AWS::SNS::Topic")
        let twoStacks = try App {
            Stack("First") { otherTopic }
            Stack("Second") { NamesAfter(id: "Queue", other: otherTopic, stage: .finalize) }
        }.synthesize()
        let name = sameStack.stacks[0].template.resources["Queue"]?.properties["QueueName"]
        #expect(name != nil)
        #expect(twoStacks.stacks[1].template.resources["Queue"]?.properties["QueueName"] == name)
    }
}
