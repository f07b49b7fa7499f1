import FormworkCore
import FormworkL1
import OrderedCollections

/// An EventBridge Scheduler schedule (CDK's `scheduler.Schedule`): invokes a function, queue, topic or state
/// machine on a rate or cron expression, with a flexible time window, retries and a dead-letter queue.
///
/// ```swift
/// let report = Function("NightlyReport", ...)
/// report
/// EventBridgeSchedule("Nightly", schedule: .cron(minute: "0", hour: "3"), target: .init(.function(report)))
/// ```
public struct EventBridgeSchedule: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// When the target is invoked (`ScheduleExpression`): a rate, a cron expression read in ``timeZone``, or a written-out
    /// `rate(...)`, `cron(...)` or one-time `at(...)` expression.
    public var schedule: Schedule
    /// What the schedule invokes, and with which input, retries and dead-letter queue (`Target`).
    public var target: SchedulerTarget
    /// The group the schedule belongs to (`GroupName`); `nil` (the default) writes none, and the schedule joins the account's
    /// `default` group.
    public var group: ScheduleGroup?
    /// The schedule's description (`Description`), up to 512 characters; none written unless given.
    public var description: String?
    /// Whether the schedule invokes its target (`State`, `ENABLED` or `DISABLED`, always written); `true` unless given.
    public var enabled: Bool
    /// The window the invocation may fall anywhere in; exactly on time when `nil`.
    public var flexibleWindow: Duration?
    /// The schedule's name (`Name`): 1 to 64 letters, digits, `.`, `-` and `_`, unique in its group; `nil` (the default) leaves
    /// it out and CloudFormation generates one.
    public var scheduleName: String?
    /// The IANA time zone cron expressions are read in.
    public var timeZone: String

    /// A schedule invoking `target` on `schedule`, exactly on time unless `flexibleWindow` (1 minute to 24 hours, in whole
    /// minutes) is given; cron expressions are read in UTC unless `timeZone` says otherwise.
    public init(
        _ id: String, schedule: Schedule, target: SchedulerTarget, group: ScheduleGroup? = nil, description: String? = nil,
        enabled: Bool = true, flexibleWindow: Duration? = nil, scheduleName: String? = nil, timeZone: String = "Etc/UTC"
    ) {
        self.id = id
        self.schedule = schedule
        self.target = target
        self.group = group
        self.description = description
        self.enabled = enabled
        self.flexibleWindow = flexibleWindow
        self.scheduleName = scheduleName
        self.timeZone = timeZone
    }

    /// The schedule's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnScheduler.Schedule.Attribute.arn.rawValue))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        let binding = try target.binding(at: scope)
        try PropertyChecks.check(flexibleWindow.map { $0.wholeSeconds / 60 }, in: 1...1_440, "flexibleWindow", unit: " min", at: scope)
        let expression: String
        switch schedule.expressionString() {
        case .success(let text): expression = text
        case .failure(let error): throw SynthesisError(.invalidSetting, paths: [scope.path], error.message)
        }
        scope.require(binding.construct)
        if let group { scope.require(group) }
        if let deadLetterQueue = target.deadLetterQueue { scope.require(deadLetterQueue) }
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let role = try targetRole(for: binding, in: scope)
            for statement in binding.statements { scope.contribute(statement, to: role, as: Role.defaultPolicyStatements) }
            if let deadLetterQueue = target.deadLetterQueue {
                scope.contribute(PolicyStatement(actions: ["sqs:SendMessage"], resources: [deadLetterQueue.arn]), to: role, as: Role.defaultPolicyStatements)
            }
            let groupName: Value? = try group.map { group throws(SynthesisError) in .string(group.name(in: try scope.scope(of: group))) }
            let schedule = CfnScheduler.Schedule(
                description: description.map { .string($0) },
                flexibleTimeWindow: flexibleWindow.map {
                    CfnScheduler.Schedule.FlexibleTimeWindow(maximumWindowInMinutes: .number(Double($0.wholeSeconds / 60)), mode: "FLEXIBLE")
                } ?? CfnScheduler.Schedule.FlexibleTimeWindow(mode: "OFF"),
                groupName: groupName,
                name: scheduleName.map { .string($0) },
                scheduleExpression: .string(expression),
                scheduleExpressionTimezone: .string(timeZone),
                state: enabled ? "ENABLED" : "DISABLED",
                target: target.property(binding, role: role))
            try scope.declareResource(schedule)
        }
    }

    /// The role Scheduler invokes the target with: one per target in the schedule's stack (the target may be in
    /// another),
    /// `SchedulerRoleForTarget-<md5 of the target's ARN as CDK resolves it, 6 digits>`, trusted by Scheduler
    /// for schedules of this account and group.
    private func targetRole(for binding: IntegrationBinding<ScheduleTargetParameters>, in scope: ConstructScope) throws(SynthesisError) -> Role {
        // CDK hashes the target's ARN as it resolves before cross-stack references are made: the target's own
        // logical ID, whichever stack it is in; an imported target's ARN given as text, as written, or as a parameter,
        // the parameter's logical ID.
        let resolvedArn: String
        switch binding.arn {
        case .string(let text):
            resolvedArn = text
        case .reference(let reference):
            // The element the ARN refers to: the target's `Resource`, or a parameter the imported target's ARN is read from.
            var element: ConstructScope? = scope.scope(of: reference)
            if let found = element, !found.hasElement { element = found.existingChild("Resource") }
            guard let resource = element else { throw noResource(binding, at: scope) }
            switch reference.form {
            case .getAtt(let attribute): resolvedArn = #"{"Fn::GetAtt":["\#(resource.logicalIdFromPath)","\#(attribute)"]}"#
            case .ref, .logicalId: resolvedArn = #"{"Ref":"\#(resource.logicalIdFromPath)"}"#
            }
        default:
            throw noResource(binding, at: scope)
        }
        let id = "SchedulerRoleForTarget-" + CDKHash.md5Hex(resolvedArn).prefix(6)
        let groupArn: Value = group?.arn ?? "arn:\(Aws.partition):scheduler:\(Aws.region):\(Aws.accountId):schedule-group/default"
        let trust: Value = ["StringEquals": ["aws:SourceAccount": Aws.accountId, "aws:SourceArn": groupArn]]
        let role = try scope.stackSingleton(id) { Role(id, assumedBy: "scheduler.amazonaws.com", trustCondition: trust) }
        guard role.trustCondition == trust else {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "schedules in different groups invoke the same target; Formwork shares one role per target and trusts one group with it")
        }
        return role
    }

    private func noResource(_ binding: IntegrationBinding<ScheduleTargetParameters>, at scope: ConstructScope) -> SynthesisError {
        SynthesisError(.invalidSetting, paths: [scope.path], "the schedule's target '\(binding.construct.id)' declares no resource whose ARN it invokes")
    }
}
