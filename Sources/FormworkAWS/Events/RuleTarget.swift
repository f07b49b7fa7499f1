import FormworkCore
import FormworkTemplate
import OrderedCollections

/// A target of a rule: a function, a queue or a topic, with the permission it needs, and retry and
/// dead-letter settings (CDK's `aws-events-targets`).
///
/// ```swift
/// rule.target(function, retryAttempts: 2, maxEventAge: .hours(1), deadLetterQueue: dlq)
/// ```
public struct RuleTarget: Construct {
    /// What receives the events.
    public enum Destination: Sendable {
        /// A Lambda function; the rule gets a `lambda:InvokeFunction` permission on it, for this rule only
        /// (`<Rule>/AllowEventRule<function's unique id>`).
        case function(Function)
        /// An SQS queue; the queue's policy lets EventBridge send it messages for this rule only (`aws:SourceArn`).
        case queue(Queue)
        /// An SNS topic; the topic's policy lets EventBridge publish to it. Under the Formwork profile only this rule may
        /// (`aws:SourceArn`); under the CDK profile any rule of EventBridge may, as CDK writes it.
        case topic(Topic)
        /// Another event bus; EventBridge puts the events there with a role (`<Rule>/EventsRole`).
        case bus(EventBus)
        /// A state machine; EventBridge starts executions with the machine's role (`<Machine>/EventsRole`).
        case stateMachine(StateMachine)
        /// An HTTP endpoint; EventBridge calls it with the destination's role (`<Destination>/EventsRole`).
        case apiDestination(ApiDestination)

        var construct: any IdentifiedConstruct {
            switch self {
            case .function(let function): function
            case .queue(let queue): queue
            case .topic(let topic): topic
            case .bus(let bus): bus
            case .stateMachine(let machine): machine
            case .apiDestination(let destination): destination
            }
        }
    }

    /// What the target receives.
    public enum Input: Sendable {
        /// A fixed JSON document instead of the event.
        case constant(Value)
        /// A template filled from paths of the event: `paths: ["id": "$.detail.id"], template: "{\"order\": <id>}"`.
        case transformed(paths: OrderedDictionary<String, String>, template: String)
    }

    /// The rule the target is added to, as one of its `Targets` (`Target<index>`, at most five per rule).
    public let rule: Rule
    /// What receives the rule's events (`Arn`, and `RoleArn` for buses, state machines and API destinations).
    public let destination: Destination
    /// How many times EventBridge retries a failed delivery (`MaximumRetryAttempts` of `RetryPolicy`), 0 to 185; `nil` (the
    /// default) writes none, and EventBridge retries up to 185 times.
    public var retryAttempts: Int?
    /// How long EventBridge keeps trying to deliver an event (`MaximumEventAgeInSeconds` of `RetryPolicy`), 60 seconds to 24
    /// hours; `nil` (the default) writes none, and EventBridge tries for 24 hours.
    public var maxEventAge: Duration?
    /// Where events that could not be delivered go (`DeadLetterConfig`); the queue's policy lets EventBridge send them for this
    /// rule only. `nil` (the default) writes none, and such events are dropped.
    public var deadLetterQueue: Queue?
    /// What the target receives instead of the event (`Input` or `InputTransformer`); `nil` (the default) writes none, and the
    /// target receives the whole event.
    public var input: Input?

    public var id: String { "\(rule.id)Targets\(destination.construct.id)" }

    /// A target of `rule`; every option unset.
    init(
        rule: Rule, destination: Destination, retryAttempts: Int? = nil, maxEventAge: Duration? = nil,
        deadLetterQueue: Queue? = nil, input: Input? = nil
    ) {
        self.rule = rule
        self.destination = destination
        self.retryAttempts = retryAttempts
        self.maxEventAge = maxEventAge
        self.deadLetterQueue = deadLetterQueue
        self.input = input
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(retryAttempts, in: 0...185, "retryAttempts", at: scope)
        try PropertyChecks.check(maxEventAge?.wholeSeconds, in: 60...86_400, "maxEventAge", unit: " s", at: scope)
        scope.require(rule)
        scope.require(destination.construct)
        if let deadLetterQueue { scope.require(deadLetterQueue) }
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let ruleScope = try scope.scope(of: rule)
            let destinationScope = try scope.scope(of: destination.construct)
            var target = OrderedDictionary<String, Value>()
            switch destination {
            case .function(let function):
                target["Arn"] = function.arn
                // CDK's `addPermission` puts the L1 itself at `<Rule>/AllowEventRule<function's unique id>`.
                try ruleScope.declareResource(
                    "AWS::Lambda::Permission", at: "AllowEventRule\(destinationScope.uniqueId)",
                    properties: [
                        "Action": "lambda:InvokeFunction", "FunctionName": function.arn,
                        "Principal": "events.amazonaws.com", "SourceArn": rule.arn,
                    ])
            case .queue(let queue):
                target["Arn"] = queue.arn
                scope.contribute(
                    PolicyStatement(
                        actions: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
                        resources: [queue.arn], principal: ["Service": "events.amazonaws.com"],
                        condition: ["ArnEquals": ["aws:SourceArn": rule.arn]]),
                    to: queue, as: Queue.policyStatements)
            case .topic(let topic):
                target["Arn"] = topic.arn
                // CDK leaves out the condition; Formwork's defaults let only this rule publish.
                let onlyThisRule: Value? = scope.defaults.isFormwork ? ["ArnEquals": ["aws:SourceArn": rule.arn]] : nil
                scope.contribute(
                    PolicyStatement(
                        actions: ["sns:Publish"], resources: [topic.arn], principal: ["Service": "events.amazonaws.com"],
                        condition: onlyThisRule),
                    to: topic, as: Topic.policyStatements)
            case .bus(let bus):
                target["Arn"] = bus.arn
                target["RoleArn"] = try eventsRole(in: ruleScope, allowing: bus.putEventsStatement, scope: scope)
            case .stateMachine(let machine):
                target["Arn"] = machine.arn
                target["RoleArn"] = try sharedRole(machine.eventsRole, of: machine, allowing: .startExecution(machine), scope: scope)
            case .apiDestination(let destination):
                target["Arn"] = destination.arn
                target["RoleArn"] = try sharedRole(destination.eventsRole, of: destination, allowing: destination.invokeStatement, scope: scope)
            }
            if let deadLetterQueue {
                target["DeadLetterConfig"] = ["Arn": deadLetterQueue.arn]
                scope.contribute(
                    PolicyStatement(
                        sid: "AllowEventRule\(ruleScope.uniqueId)", actions: ["sqs:SendMessage"], resources: [deadLetterQueue.arn],
                        principal: ["Service": "events.amazonaws.com"],
                        condition: ["ArnEquals": ["aws:SourceArn": rule.arn]]),
                    to: deadLetterQueue, as: Queue.policyStatements)
            }
            switch input {
            case .constant(let document)?:
                target["Input"] = .string(try Self.compactJSON(document, at: scope))
            case .transformed(let paths, let template)?:
                target["InputTransformer"] = ["InputPathsMap": .object(paths.mapValues { .string($0) }), "InputTemplate": .string(template)]
            case nil:
                break
            }
            if retryAttempts != nil || maxEventAge != nil {
                var policy = OrderedDictionary<String, Value>()
                policy["MaximumEventAgeInSeconds"] = maxEventAge.map { .number(Double($0.wholeSeconds)) }
                policy["MaximumRetryAttempts"] = retryAttempts.map { .number(Double($0)) }
                target["RetryPolicy"] = .object(policy)
            }
            scope.contribute(target, to: rule, as: Rule.targets)
        }
    }

    /// `role`, the events role of `owner` shared by every rule that targets it, added with the first, allowed
    /// `statement`; its ARN.
    private func sharedRole(_ role: Role, of owner: some IdentifiedConstruct, allowing statement: PolicyStatement, scope: ConstructScope) throws(SynthesisError)
        -> Value
    {
        let ownerScope = try scope.scope(of: owner)
        if ownerScope.existingChild(role.id) == nil { try ownerScope.add(role) }
        scope.contribute(statement, to: role, as: Role.defaultPolicyStatements)
        return role.arn
    }

    /// The role EventBridge assumes to deliver to another bus: one per rule, at `<Rule>/EventsRole`.
    private func eventsRole(in ruleScope: ConstructScope, allowing statement: PolicyStatement, scope: ConstructScope) throws(SynthesisError) -> Value {
        let role = Role("EventsRole", assumedBy: "events.amazonaws.com")
        if ruleScope.existingChild("EventsRole") != nil {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a rule can deliver to one other event bus; '\(rule.id)' already does")
        }
        try ruleScope.add(role)
        scope.contribute(statement, to: role, as: Role.defaultPolicyStatements)
        return role.arn
    }

    /// A constant input as the compact JSON text EventBridge takes; it cannot hold references.
    private static func compactJSON(_ document: Value, at scope: ConstructScope) throws(SynthesisError) -> String {
        guard let json = document.json else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a constant target input cannot reference other resources; use a transformed input")
        }
        return JSONWriter(style: .compact).string(from: json)
    }
}

extension Rule {
    /// `function` invoked by this rule; list the result in a body.
    public func target(
        _ function: Function, retryAttempts: Int? = nil, maxEventAge: Duration? = nil,
        deadLetterQueue: Queue? = nil, input: RuleTarget.Input? = nil
    ) -> RuleTarget {
        RuleTarget(
            rule: self, destination: .function(function), retryAttempts: retryAttempts, maxEventAge: maxEventAge,
            deadLetterQueue: deadLetterQueue, input: input)
    }

    /// `queue` sent this rule's events; list the result in a body.
    public func target(
        _ queue: Queue, retryAttempts: Int? = nil, maxEventAge: Duration? = nil,
        deadLetterQueue: Queue? = nil, input: RuleTarget.Input? = nil
    ) -> RuleTarget {
        RuleTarget(
            rule: self, destination: .queue(queue), retryAttempts: retryAttempts, maxEventAge: maxEventAge,
            deadLetterQueue: deadLetterQueue, input: input)
    }

    /// The event bus `bus` sent this rule's events, with a role that may put them there; list the result in
    /// a body.
    public func target(
        _ bus: EventBus, retryAttempts: Int? = nil, maxEventAge: Duration? = nil,
        deadLetterQueue: Queue? = nil
    ) -> RuleTarget {
        RuleTarget(
            rule: self, destination: .bus(bus), retryAttempts: retryAttempts, maxEventAge: maxEventAge,
            deadLetterQueue: deadLetterQueue)
    }

    /// Executions of `machine` started for this rule's events, with a role that may start them; list the
    /// result in a body.
    public func target(
        _ machine: StateMachine, retryAttempts: Int? = nil, maxEventAge: Duration? = nil,
        deadLetterQueue: Queue? = nil, input: RuleTarget.Input? = nil
    ) -> RuleTarget {
        RuleTarget(
            rule: self, destination: .stateMachine(machine), retryAttempts: retryAttempts, maxEventAge: maxEventAge,
            deadLetterQueue: deadLetterQueue, input: input)
    }

    /// `destination` called with this rule's events, with the destination's role; list the result in a body.
    public func target(
        _ destination: ApiDestination, retryAttempts: Int? = nil, maxEventAge: Duration? = nil,
        deadLetterQueue: Queue? = nil, input: RuleTarget.Input? = nil
    ) -> RuleTarget {
        RuleTarget(
            rule: self, destination: .apiDestination(destination), retryAttempts: retryAttempts, maxEventAge: maxEventAge,
            deadLetterQueue: deadLetterQueue, input: input)
    }

    /// `topic` sent this rule's events; list the result in a body.
    public func target(
        _ topic: Topic, retryAttempts: Int? = nil, maxEventAge: Duration? = nil,
        deadLetterQueue: Queue? = nil, input: RuleTarget.Input? = nil
    ) -> RuleTarget {
        RuleTarget(
            rule: self, destination: .topic(topic), retryAttempts: retryAttempts, maxEventAge: maxEventAge,
            deadLetterQueue: deadLetterQueue, input: input)
    }
}
