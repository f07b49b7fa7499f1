import FormworkCore
import FormworkL1
import FormworkTemplate
import OrderedCollections

/// A target of a rule: any ``RuleTargetDestination`` (a function, queue, topic, event bus, state machine or API
/// destination), with the permission it needs, and retry and dead-letter settings (CDK's `aws-events-targets`).
///
/// ```swift
/// rule.target(function, retryAttempts: 2, maxEventAge: .hours(1), deadLetterQueue: dlq)
/// ```
public struct RuleTarget: Construct {
    /// What the target receives.
    public enum Input: Sendable {
        /// A fixed JSON document instead of the event.
        case constant(Value)
        /// A template filled from paths of the event: `paths: ["id": "$.detail.id"], template: "{\"order\": <id>}"`.
        case transformed(paths: OrderedDictionary<String, String>, template: String)
    }

    /// The rule the target is added to, as one of its `Targets` (`Target<index>`, at most five per rule).
    public let rule: Rule
    /// What receives the rule's events: a function, queue, topic, event bus, state machine or API destination, or any
    /// other ``RuleTargetDestination``.
    public let destination: any RuleTargetDestination
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

    public var id: String { "\(rule.id)Targets\(destination.id)" }

    /// A target of `rule`; every option unset.
    init(
        rule: Rule, destination: any RuleTargetDestination, retryAttempts: Int? = nil, maxEventAge: Duration? = nil,
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
        scope.require(destination)
        if input != nil, !type(of: destination).acceptsInput {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "'\(destination.id)' takes the event as it is; remove the target's input")
        }
        if let deadLetterQueue { scope.require(deadLetterQueue) }
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let ruleScope = try scope.scope(of: rule)
            let binding = RuleTargetBinding(rule: rule, ruleScope: ruleScope, destinationScope: try scope.scope(of: destination), scope: scope)
            let bound = try destination.bind(to: binding)
            // The rule gives each target its `Id` (`Target<index>`) by position.
            var target = CfnEvents.Rule.Target(arn: bound.arn, id: "", roleArn: bound.roleArn)
            if let deadLetterQueue {
                target.deadLetterConfig = CfnEvents.Rule.DeadLetterConfig(arn: deadLetterQueue.arn)
                scope.contribute(
                    PolicyStatement(
                        sid: "AllowEventRule\(ruleScope.uniqueId)", actions: ["sqs:SendMessage"], resources: [deadLetterQueue.arn],
                        principal: ["Service": "events.amazonaws.com"],
                        condition: ["ArnEquals": ["aws:SourceArn": rule.arn]]),
                    to: deadLetterQueue, as: Queue.policyStatements)
            }
            switch input {
            case .constant(let document)?:
                target.input = .string(try Self.compactJSON(document, at: scope))
            case .transformed(let paths, let template)?:
                target.inputTransformer = CfnEvents.Rule.InputTransformer(
                    inputPathsMap: .object(paths.mapValues { .string($0) }), inputTemplate: .string(template))
            case nil:
                break
            }
            if retryAttempts != nil || maxEventAge != nil {
                target.retryPolicy = CfnEvents.Rule.RetryPolicy(
                    maximumEventAgeInSeconds: maxEventAge.map { .number(Double($0.wholeSeconds)) },
                    maximumRetryAttempts: retryAttempts.map { .number(Double($0)) })
            }
            scope.contribute(target, to: rule, as: Rule.targets)
        }
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
    /// `destination` sent this rule's events: a function, queue, topic, event bus, state machine or API destination (or
    /// any other ``RuleTargetDestination``), with the permission or role it needs; list the result in a body.
    public func target(
        _ destination: some RuleTargetDestination, retryAttempts: Int? = nil, maxEventAge: Duration? = nil,
        deadLetterQueue: Queue? = nil, input: RuleTarget.Input? = nil
    ) -> RuleTarget {
        RuleTarget(
            rule: self, destination: destination, retryAttempts: retryAttempts, maxEventAge: maxEventAge,
            deadLetterQueue: deadLetterQueue, input: input)
    }
}
