import FormworkCore
import FormworkL1
import OrderedCollections

/// An EventBridge rule (CDK's `events.Rule`): an event pattern on a bus, or a schedule on the default bus;
/// targets are edges (`rule.target(function)`).
///
/// ```swift
/// let placed = Rule("ProcessOrderRule", bus: bus, pattern: EventPattern(source: ["orders"], detailType: ["OrderPlaced"]))
/// placed.target(processOrder)
/// Rule("DailyCleanup", schedule: .cron(minute: "0", hour: "2")).target(cleanup)
/// ```
public struct Rule: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The bus whose events the rule matches (`EventBusName`); `nil` (the default) writes none: the account's default bus.
    /// Scheduled rules must stay on the default bus.
    public var bus: EventBus?
    /// Which events the rule matches (`EventPattern`), with at least one field; a rule needs a pattern, a schedule or both.
    public var pattern: EventPattern?
    /// When the rule runs by itself (`ScheduleExpression`), on the default bus only; none unless given.
    public var schedule: Schedule?
    /// Whether the rule matches and runs (`State`, `ENABLED` or `DISABLED`, always written); `true` unless given.
    public var enabled: Bool
    /// The rule's description (`Description`), up to 512 characters; none written unless given.
    public var description: String?
    /// The rule's name (`Name`): up to 64 letters, digits, `.`, `-` and `_`; `nil` (the default) leaves it out and
    /// CloudFormation generates one.
    public var ruleName: String?

    /// The targets edges add, in order; each becomes `Target<index>`.
    static let targets = ContributionKey<CfnEvents.Rule.Target>("Rule.targets")

    /// A rule matching `pattern` on `bus` (the default bus when `nil`), or running on `schedule`.
    public init(
        _ id: String, bus: EventBus? = nil, pattern: EventPattern? = nil, schedule: Schedule? = nil,
        enabled: Bool = true, description: String? = nil, ruleName: String? = nil
    ) {
        self.id = id
        self.bus = bus
        self.pattern = pattern
        self.schedule = schedule
        self.enabled = enabled
        self.description = description
        self.ruleName = ruleName
    }

    /// The rule's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnEvents.Rule.Attribute.arn.rawValue))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        var rule = CfnEvents.Rule(description: description.map { .string($0) })
        if let bus {
            scope.require(bus)
            rule.eventBusName = bus.busName
        }
        if let pattern {
            guard !pattern.isEmpty else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "the event pattern matches no field; give it a source, a detail type or a detail")
            }
            rule.eventPattern = pattern.value
        }
        if let schedule {
            switch schedule.expressionString() {
            case .success(let expression): rule.scheduleExpression = .string(expression)
            case .failure(let error): throw SynthesisError(.invalidSetting, paths: [scope.path], error.message)
            }
            if bus != nil {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "only rules on the default event bus can run on a schedule; remove the bus")
            }
        }
        guard pattern != nil || schedule != nil else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a rule needs an event pattern or a schedule")
        }
        rule.name = ruleName.map { .string($0) }
        rule.state = enabled ? "ENABLED" : "DISABLED"
        _ = try scope.child("Resource")
        scope.afterExpansion(.finalize) { [rule] scope throws(SynthesisError) in
            var rule = rule
            let targets = scope.contributions(to: self, as: Rule.targets)
            try PropertyChecks.check(targets.count, in: 0...5, "the number of targets", at: scope)
            if !targets.isEmpty {
                rule.targets = targets.enumerated().map { index, target in
                    var entry = target
                    entry.id = .string("Target\(index)")
                    return entry
                }
            }
            try scope.declareResource(rule)
        }
    }
}
