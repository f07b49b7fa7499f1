import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

/// A structural check of Amazon States Language, written from the specification: every `Next`, `Default`
/// and catch target names a state of the same `States`; every state is reachable from `StartAt`; every
/// state other than `Choice`, `Succeed` and `Fail` has either `Next` or `End: true`; branches and item
/// processors are checked the same way.
enum StatesLanguage {
    static func problems(in definition: JSONValue) -> [String] {
        guard case .string(let start)? = definition["StartAt"], case .object(let states)? = definition["States"] else {
            return ["a definition needs StartAt and States"]
        }
        var problems: [String] = []
        var edges: [String: [String]] = [:]
        for (name, state) in states {
            let type = state["Type"]?.stringValue ?? ""
            var targets: [String] = []
            if case .string(let next)? = state["Next"] { targets.append(next) }
            for choice in state["Choices"]?.arrayValue ?? [] { if let next = choice["Next"]?.stringValue { targets.append(next) } }
            if let defaultTarget = state["Default"]?.stringValue { targets.append(defaultTarget) }
            for handler in state["Catch"]?.arrayValue ?? [] { if let next = handler["Next"]?.stringValue { targets.append(next) } }
            for target in targets where states[target] == nil { problems.append("\(name) leads to a missing state \(target)") }
            edges[name] = targets
            let ends = state["End"] == .bool(true)
            if ["Choice", "Succeed", "Fail"].contains(type) {
                if state["Next"] != nil || ends { problems.append("\(name): a \(type) state has no Next or End") }
            } else if (state["Next"] != nil) == ends {
                problems.append("\(name) needs exactly one of Next and End")
            }
            for branch in state["Branches"]?.arrayValue ?? [] { problems += Self.problems(in: branch) }
            if let processor = state["ItemProcessor"] { problems += Self.problems(in: processor) }
        }
        var reached: Set<String> = []
        var pending = [start]
        while let name = pending.popLast() {
            if reached.insert(name).inserted { pending += edges[name] ?? [] }
        }
        for name in states.keys where !reached.contains(name) { problems.append("\(name) is unreachable") }
        return problems
    }
}

@Suite struct StateMachineTests {
    func definition(_ machine: StateMachine) throws -> JSONValue {
        let template = try synthesize { machine }
        let text = try #require(template.resources[logicalId("\(machine.id)/Resource")]?.properties["DefinitionString"])
        // Replace the live ARNs by placeholders to read the definition as JSON.
        guard case .object(let join) = text, case .array(let arguments)? = join["Fn::Join"], case .array(let parts) = arguments[1] else {
            return try JSONReader.parse(try #require(text.stringValue))
        }
        return try JSONReader.parse(parts.map { $0.stringValue ?? "ARN" }.joined())
    }

    static let saga: StateMachine = {
        let step = { (name: String) in State.lambdaInvoke(name, function: inlineFunction("\(name)Fn"), outputPath: "$.Payload") }
        let compensate = step("CancelHotel").next(step("CancelFlight"))
        return StateMachine(
            "Booking",
            definition: step("ReserveFlight").next(step("ReserveHotel"))
                .next(step("ProcessPayment").catching(compensate, resultPath: "$.error")))
    }()

    @Test func theSagaIsValidStatesLanguageWithCompensationsInReverseOrder() throws {
        let asl = try definition(Self.saga)
        #expect(StatesLanguage.problems(in: asl) == [])
        #expect(asl["States"]?.objectValue?.keys.elements == ["ReserveFlight", "ReserveHotel", "ProcessPayment", "CancelHotel", "CancelFlight"])
        #expect(asl["States"]?["ProcessPayment"]?["Catch"] == [["ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "CancelHotel"]])
        #expect(asl["States"]?["CancelFlight"]?["End"] == true)
    }

    @Test func theStructuralCheckFindsADeadEndAndAnUnreachableState() {
        let broken: JSONValue = ["StartAt": "A", "States": ["A": ["Type": "Pass"], "B": ["Type": "Pass", "End": true]]]
        #expect(StatesLanguage.problems(in: broken).sorted() == ["A needs exactly one of Next and End", "B is unreachable"])
    }

    @Test func everyStateKindRendersValidStatesLanguage() throws {
        let done = State.succeed("Done")
        let failed = State.fail("Failed", error: "OrderRejected", cause: "total too high")
        let check = State.choice(
            "CheckTotal", [ChoiceCase(.and([.isPresent("$.total"), .numberGreaterThan("$.total", 1000)]), failed)],
            otherwise: Chain(State.wait("Pause", .seconds(5))).next(done))
        let parallel = State.parallel("Fanout", branches: [Chain(State.pass("A")), Chain(State.pass("B", result: ["ok": true]))])
        let map = State.map("EachItem", itemsPath: "$.items", maxConcurrency: 5, processor: Chain(State.pass("Item")))
            .retrying(State.Retry(errors: ["States.TaskFailed"], interval: .seconds(1), maxAttempts: 2, backoffRate: 1.5, jitter: true))
        let asl = try definition(StateMachine("Machine", definition: parallel.next(map).next(check)))
        #expect(StatesLanguage.problems(in: asl) == [])
        #expect(asl["States"]?["CheckTotal"]?["Default"] == "Pause")
        #expect(asl["States"]?["EachItem"]?["ItemProcessor"]?["ProcessorConfig"] == ["Mode": "INLINE"])
        #expect(asl["States"]?["EachItem"]?["Retry"]?.arrayValue?.first?["JitterStrategy"] == "FULL")
    }

    /// Valid States Language, as CDK allows it: an input no case matches fails with `States.NoChoiceMatched`.
    @Test func aChoiceWithoutOtherwiseHasNoDefault() throws {
        let machine = StateMachine("M", definition: State.choice("C", [ChoiceCase(.isPresent("$.x"), State.pass("P"))]))
        let asl = try definition(machine)
        #expect(asl["States"]?["C"]?["Default"] == nil)
        #expect(asl["States"]?["P"]?["End"] == true)
    }

    @Test func graphMistakesAreErrorsNamingTheStates() {
        let function = inlineFunction("Fn")
        let a = State.lambdaInvoke("Same", function: function)
        let b = State.lambdaInvoke("Same", function: function, outputPath: "$.Payload")
        #expect(synthesisError { StateMachine("M", definition: a.next(b)) }?.message.contains("two different states are named 'Same'") == true)
        #expect(
            synthesisError { StateMachine("M", definition: State.succeed("End").next(State.pass("After"))) }?.message
                == "the state 'End' ends its branch; 'After' after it can never run")
        #expect(synthesisError { StateMachine("M", definition: State.choice("C", [])) }?.message.contains("has no case") == true)
        #expect(
            synthesisError { StateMachine("M", definition: State.pass("P").retrying(State.Retry())) }?.message
                .contains("cannot retry or catch") == true)
    }

    @Test func aChainCanBeWrittenAsABuilder() throws {
        let includeAudit = true
        let chain = Chain {
            State.pass("Start")
            if includeAudit { State.pass("Audit") }
            State.succeed("Done")
        }
        #expect(chain.states.map(\.name) == ["Start", "Audit", "Done"])
        #expect(StatesLanguage.problems(in: try definition(StateMachine("M", definition: chain))) == [])
        #expect(synthesisError { StateMachine("M", definition: Chain {}) }?.message == "a chain of states is empty; list at least one state")
    }

    @Test func theRoleGetsEachTasksPermissionsAndTrustsOnlyThisAccountsStateMachines() throws {
        let queue = Queue("Q")
        let template = try synthesize {
            StateMachine("M", definition: State.sqsSendMessage("Send", queue: queue, messageBody: ["id.$": "$.id"]), tracing: true)
        }
        let statements = template.resources[logicalId("M/Role/DefaultPolicy/Resource")]?.properties["PolicyDocument"]?["Statement"]?.arrayValue
        #expect(statements?.first?["Action"] == "sqs:SendMessage")
        #expect(
            template.resources[logicalId("M/Role/Resource")]?.properties["AssumeRolePolicyDocument"]?["Statement"]?.arrayValue?.first?["Condition"]?[
                "StringEquals"]
                == ["aws:SourceAccount": .pseudo(.accountId)])
        #expect(template.resources[logicalId("M/Resource")]?.properties["TracingConfiguration"] == ["Enabled": true])
    }

    @Test func rulesStartExecutionsWithOneRoleOfTheMachine() throws {
        let machine = StateMachine("M", definition: State.pass("P"))
        let nightly = Rule("Nightly", schedule: .cron(minute: "0", hour: "3"))
        let hourly = Rule("Hourly", schedule: .rate(.hours(1)))
        let template = try synthesize {
            machine
            nightly
            hourly
            nightly.target(machine)
            hourly.target(machine)
        }
        for rule in ["Nightly", "Hourly"] {
            let target = template.resources[logicalId("\(rule)/Resource")]?.properties["Targets"]?.arrayValue?.first
            #expect(target?["Arn"] == .ref(logicalId("M/Resource")))
            #expect(target?["RoleArn"] == .getAtt(logicalId("M/EventsRole/Resource"), "Arn"))
        }
        let statements = template.resources[logicalId("M/EventsRole/DefaultPolicy/Resource")]?.properties["PolicyDocument"]?["Statement"]?.arrayValue
        #expect(statements?.count == 1)
    }

    /// CDK's `StateGraph` registers a state's statements when it reaches it, and a parallel's branches' and a map's
    /// item processor's only after everything the state leads to (what follows it, its catch handlers).
    @Test func theRolesStatementsComeInCDKsOrderNestedGraphsLast() throws {
        let queue = Queue("Q")
        let topic = Topic("T")
        let table = Table("Tbl", partitionKey: .string("pk"))
        let key: Value = ["pk": ["S": "a"]]
        let fanout = State.parallel("Fanout", branches: [Chain(State.sqsSendMessage("Send", queue: queue, messageBody: "x"))])
            .catching(State.snsPublish("Alert", topic: topic, message: "failed"))
        let each = State.map("Each", processor: Chain(State.dynamoGetItem("Get", table: table, key: key)))
        let template = try synthesize {
            queue
            topic
            table
            StateMachine("M", definition: fanout.next(each).next(State.dynamoPutItem("Put", table: table, item: key)))
        }
        let statements = template.resources[logicalId("M/Role/DefaultPolicy/Resource")]?.properties["PolicyDocument"]?["Statement"]?.arrayValue
        #expect(statements?.compactMap { $0["Action"]?.stringValue } == ["dynamodb:PutItem", "dynamodb:GetItem", "sns:Publish", "sqs:SendMessage"])
    }

    /// A parallel reached twice (the handler of two catches) is one state, its branches written once.
    @Test func aParallelReachedTwiceIsOneState() throws {
        let function = inlineFunction("Fn")
        let undo = State.parallel("Undo", branches: [Chain(State.pass("A")), Chain(State.pass("B"))])
        let first = State.lambdaInvoke("First", function: function).catching(undo)
        let second = State.lambdaInvoke("Second", function: function).catching(undo)
        let asl = try definition(StateMachine("M", definition: first.next(second)))
        #expect(StatesLanguage.problems(in: asl) == [])
        #expect(asl["States"]?.objectValue?.keys.elements == ["First", "Second", "Undo"])
        #expect(asl["States"]?["Undo"]?["Branches"]?.arrayValue?.count == 2)
    }
}
