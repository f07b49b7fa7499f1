import FormworkCore

/// Something a rule can send its events to (CDK's `IRuleTarget`). Each kind of destination conforms in its own
/// service's folder, saying what the target's `Arn` (and `RoleArn`) is and granting EventBridge what it needs;
/// a new kind of target is a new conformance, not a change to ``RuleTarget``.
///
/// ```swift
/// extension Stream: RuleTargetDestination {
///     public func bind(to binding: RuleTargetBinding) throws(SynthesisError) -> RuleTargetBinding.Target {
///         .init(arn: arn, roleArn: try binding.sharedEventsRole(of: self, allowing: writeStatement))
///     }
/// }
/// ```
public protocol RuleTargetDestination: IdentifiedConstruct {
    /// Grants EventBridge what it needs to deliver `binding.rule`'s events here (a permission, a policy statement, a
    /// role) and says what the target entry holds. Called once per target, after every construct is placed.
    func bind(to binding: RuleTargetBinding) throws(SynthesisError) -> RuleTargetBinding.Target

    /// Whether the target may replace the event by an `Input` or `InputTransformer`; `true` unless a destination
    /// says otherwise (another event bus takes the event as it is).
    static var acceptsInput: Bool { get }
}

extension RuleTargetDestination {
    /// A target takes an input unless its destination says otherwise.
    public static var acceptsInput: Bool { true }
}

/// What a destination binds to: the rule and the scopes of the rule, the destination and the target.
public struct RuleTargetBinding {
    /// The rule whose events the destination receives.
    public let rule: Rule
    /// The rule's scope (where CDK puts a permission or a role for one rule: `<Rule>/AllowEventRule…`, `<Rule>/EventsRole`).
    public let ruleScope: ConstructScope
    /// The destination's scope.
    public let destinationScope: ConstructScope
    /// The target's own scope, to contribute policy statements from.
    public let scope: ConstructScope

    /// The target entry a destination writes: its `Arn`, and the `RoleArn` EventBridge assumes to deliver (`nil`:
    /// none, EventBridge delivers with a resource policy or permission).
    public struct Target {
        /// The destination's ARN.
        public var arn: Value
        /// The role EventBridge assumes, when the destination needs one.
        public var roleArn: Value?

        /// A target entry of `arn` and, optionally, `roleArn`.
        public init(arn: Value, roleArn: Value? = nil) {
            self.arn = arn
            self.roleArn = roleArn
        }
    }

    /// `role`, a role of `owner` that every rule targeting it shares (`<owner>/EventsRole`), added with the first
    /// and allowed `statement`; its ARN.
    public func sharedRole(_ role: Role, of owner: some IdentifiedConstruct, allowing statement: PolicyStatement) throws(SynthesisError) -> Value {
        let ownerScope = try scope.scope(of: owner)
        if ownerScope.existingChild(role.id) == nil { try ownerScope.add(role) }
        scope.contribute(statement, to: role, as: Role.defaultPolicyStatements)
        return role.arn
    }

    /// A role of this rule alone (`<Rule>/EventsRole`) allowed `statement`; its ARN. A rule has one such role, so it
    /// can deliver to one destination that needs it.
    public func ruleRole(allowing statement: PolicyStatement) throws(SynthesisError) -> Value {
        if ruleScope.existingChild("EventsRole") != nil {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a rule can deliver to one other event bus; '\(rule.id)' already does")
        }
        let role = Role("EventsRole", assumedBy: "events.amazonaws.com")
        try ruleScope.add(role)
        scope.contribute(statement, to: role, as: Role.defaultPolicyStatements)
        return role.arn
    }
}
