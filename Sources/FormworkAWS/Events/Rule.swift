import FormworkCore
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
    static let targets = ContributionKey<OrderedDictionary<String, Value>>("Rule.targets")

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
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt("Arn"))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        var properties = OrderedDictionary<String, Value>()
        properties["Description"] = description.map { .string($0) }
        if let bus {
            scope.require(bus)
            properties["EventBusName"] = bus.busName
        }
        if let pattern {
            guard !pattern.isEmpty else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "the event pattern matches no field; give it a source, a detail type or a detail")
            }
            properties["EventPattern"] = pattern.value
        }
        if let schedule {
            switch schedule.expressionString() {
            case .success(let expression): properties["ScheduleExpression"] = .string(expression)
            case .failure(let error): throw SynthesisError(.invalidSetting, paths: [scope.path], error.message)
            }
            if bus != nil {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "only rules on the default event bus can run on a schedule; remove the bus")
            }
        }
        guard pattern != nil || schedule != nil else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a rule needs an event pattern or a schedule")
        }
        properties["Name"] = ruleName.map { .string($0) }
        properties["State"] = enabled ? "ENABLED" : "DISABLED"
        _ = try scope.child("Resource")
        scope.afterExpansion(.finalize) { [properties] scope throws(SynthesisError) in
            var properties = properties
            let targets = scope.contributions(to: self, as: Rule.targets)
            try PropertyChecks.check(targets.count, in: 0...5, "the number of targets", at: scope)
            if !targets.isEmpty {
                properties["Targets"] = .array(
                    targets.enumerated().map { index, target in
                        var entry = target
                        entry["Id"] = .string("Target\(index)")
                        entry.sort { $0.key < $1.key }
                        return .object(entry)
                    })
            }
            try scope.declareResource("AWS::Events::Rule", properties: properties)
        }
    }
}
