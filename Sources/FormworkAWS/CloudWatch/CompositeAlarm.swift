import FormworkCore
import FormworkL1
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
    /// When the composite alarm fires (`AlarmRule`), written as CDK renders it, such as `(ALARM("arn1") AND ALARM("arn2"))`;
    /// the rule may be up to 10,240 characters.
    public var rule: Rule
    /// The alarm's description (`AlarmDescription`), up to 1,024 characters; none written unless given.
    public var description: String?
    /// The alarm's name; CDK's unique id of the construct when not given.
    public var alarmName: String?
    /// Whether the alarm's actions run when its state changes (`ActionsEnabled`); `nil` (the default) writes none, and
    /// CloudWatch runs them.
    public var actionsEnabled: Bool?
    /// ARNs notified when the alarm fires (`AlarmActions`), such as `topic.arn`; none, and the property left out, unless given.
    public var alarmActions: [Value]

    /// When the composite alarm fires.
    public indirect enum Rule: Sendable {
        /// An alarm in a state (`ALARM` unless given).
        case alarm(Alarm, state: State = .alarm)
        /// Every rule holds (`(a AND b ...)`).
        case allOf([Rule])
        /// At least one rule holds (`(a OR b ...)`).
        case anyOf([Rule])
        /// The rule does not hold (`(NOT (a))`).
        case not(Rule)

        /// The states an alarm can be in.
        public enum State: String, Sendable {
            /// The alarm's metric is past its threshold (`ALARM`).
            case alarm = "ALARM"
            /// The alarm's metric is within its threshold (`OK`).
            case ok = "OK"
            /// The alarm has too little data to decide (`INSUFFICIENT_DATA`).
            case insufficientData = "INSUFFICIENT_DATA"
        }

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

    /// A composite alarm firing when `rule` holds.
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
        let alarm = CfnCloudWatch.CompositeAlarm(
            actionsEnabled: actionsEnabled.map { .bool($0) },
            alarmActions: alarmActions.isEmpty ? nil : .array(alarmActions),
            alarmDescription: description.map { .string($0) },
            alarmName: .string(alarmName ?? scope.uniqueId),
            alarmRule: text.value)
        try scope.declareResource(alarm)
    }
}
