import FormworkCore
import OrderedCollections

/// An alarm over other alarms (CDK's `cloudwatch.CompositeAlarm`): it fires when its rule of alarm states
/// holds, so that one page goes out for a problem several alarms see.
///
/// ```swift
/// CompositeAlarm("OrdersDown", rule: .allOf([.alarm(errors), .anyOf([.alarm(backlog), .alarm(age)])]), alarmActions: [alerts.arn])
/// ```
public struct CompositeAlarm: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    public var rule: Rule
    public var description: String?
    /// The alarm's name; CDK's unique id of the construct when not given.
    public var alarmName: String?
    public var actionsEnabled: Bool?
    public var alarmActions: [Value]

    /// When the composite alarm fires.
    public indirect enum Rule: Sendable {
        /// An alarm in a state (`ALARM` unless given).
        case alarm(Alarm, state: State = .alarm)
        case allOf([Rule])
        case anyOf([Rule])
        case not(Rule)

        /// The states an alarm can be in.
        public enum State: String, Sendable { case alarm = "ALARM", ok = "OK", insufficientData = "INSUFFICIENT_DATA" }

        /// Writes the rule as CDK renders it: `(a AND b)`, `(a OR b)`, `(NOT (a))`, `ALARM("arn")`.
        func render(into text: inout JoinedText) {
            switch self {
            case .alarm(let alarm, let state):
                text.text("\(state.rawValue)(\"")
                text.reference(alarm.arn)
                text.text("\")")
            case .allOf(let rules), .anyOf(let rules):
                let separator: String
                if case .allOf = self { separator = " AND " } else { separator = " OR " }
                text.text("(")
                for (index, rule) in rules.enumerated() {
                    if index > 0 { text.text(separator) }
                    rule.render(into: &text)
                }
                text.text(")")
            case .not(let rule):
                text.text("(NOT (")
                rule.render(into: &text)
                text.text("))")
            }
        }

        var alarms: [Alarm] {
            switch self {
            case .alarm(let alarm, _): [alarm]
            case .allOf(let rules), .anyOf(let rules): rules.flatMap(\.alarms)
            case .not(let rule): rule.alarms
            }
        }
    }

    public init(_ id: String, rule: Rule, description: String? = nil, alarmName: String? = nil, actionsEnabled: Bool? = nil, alarmActions: [Value] = []) {
        self.id = id
        self.rule = rule
        self.description = description
        self.alarmName = alarmName
        self.actionsEnabled = actionsEnabled
        self.alarmActions = alarmActions
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        for alarm in rule.alarms { scope.require(alarm) }
        var text = JoinedText()
        rule.render(into: &text)
        var properties = OrderedDictionary<String, Value>()
        properties["ActionsEnabled"] = actionsEnabled.map { .bool($0) }
        properties["AlarmActions"] = alarmActions.isEmpty ? nil : .array(alarmActions)
        properties["AlarmDescription"] = description.map { .string($0) }
        properties["AlarmName"] = .string(alarmName ?? scope.uniqueId)
        properties["AlarmRule"] = text.value
        try scope.declareResource("AWS::CloudWatch::CompositeAlarm", properties: properties)
    }
}
