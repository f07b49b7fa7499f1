import FormworkCore
import FormworkL1
import OrderedCollections

/// A Step Functions state machine (CDK's `sfn.StateMachine`): the definition as CDK writes it (compact
/// JSON with live references), and a role trusting Step Functions that gets the permissions of every task.
///
/// ```swift
/// let booking = reserveFlight.next(reserveHotel).next(
///     processPayment.catching(cancelHotel.next(cancelFlight), resultPath: "$.error"))
/// StateMachine("BookingStateMachine", definition: booking, timeout: .minutes(5), tracing: true)
/// ```
public struct StateMachine: GrantPrincipal {
    public let id: String
    public let identity = ConstructIdentity()
    /// What the state machine runs (`DefinitionString`): a chain of states, written as CDK writes it, or a
    /// definition given as text or in a file.
    public var definition: DefinitionBody
    /// Values for the `${Name}` placeholders of a definition given as text (`DefinitionSubstitutions`).
    public var substitutions: OrderedDictionary<String, Value>
    /// The state machine's name (`StateMachineName`): 1 to 80 letters, digits, `-` or `_`; `nil`: CloudFormation
    /// generates one. A named state machine cannot take an update that replaces it.
    public var stateMachineName: String?
    /// Standard or express; `StateMachineType` is written whenever it is given, as CDK writes it.
    public var type: MachineType?
    /// The longest an execution may run before it fails with `States.Timeout` (the definition's `TimeoutSeconds`,
    /// in whole seconds): 1 second to a year; `nil`: not written, so only the type's own limit (a year for
    /// standard, 5 minutes for express). Chain definitions only; a text definition sets it itself.
    public var timeout: Duration?
    /// A note on the definition (its `Comment`); `nil`: none. Chain definitions only; a text definition sets it
    /// itself.
    public var comment: String?
    /// Whether executions are traced with X-Ray (`TracingConfiguration.Enabled`, the role allowed to send traces when
    /// `true`); `nil` unless given, which writes nothing, as in CDK; `false` writes `Enabled: false`, as CDK's
    /// `tracingEnabled: false` does.
    public var tracing: Bool?
    /// Where execution history is logged (`LoggingConfiguration`), the role allowed to deliver logs; `nil`: not
    /// logged, as in CDK.
    public var logging: Logging?
    /// What happens to the state machine when it leaves the stack or the stack is deleted; ``RemovalPolicy/destroy``
    /// unless given, as in CDK.
    public var removalPolicy: RemovalPolicy
    /// The role the state machine runs with.
    public let role: Role
    /// The role EventBridge assumes to start executions (`<Machine>/EventsRole`), added with the first rule
    /// that targets the machine and shared by every such rule, as CDK's `singletonEventRole` is.
    let eventsRole = Role("EventsRole", assumedBy: "events.amazonaws.com")

    /// Standard (durable, exactly once) or express (high volume, at least once).
    public enum MachineType: String, Sendable {
        /// Standard workflows (`STANDARD`): up to a year, each step run exactly once, execution history kept.
        case standard = "STANDARD"
        /// Express workflows (`EXPRESS`): up to 5 minutes, at least once, for high event rates; history only in logs.
        case express = "EXPRESS"
    }

    /// Where execution history goes.
    public struct Logging: Sendable {
        /// How much of the execution history is logged (`Level`).
        public enum Level: String, Sendable {
            /// Every event (`ALL`).
            case all = "ALL"
            /// Only errors, fatal ones included (`ERROR`).
            case error = "ERROR"
            /// Only fatal errors, the ones that end an execution (`FATAL`).
            case fatal = "FATAL"
        }

        /// The log group the history goes to (`Destinations[].CloudWatchLogsLogGroup.LogGroupArn`).
        public var destination: LogGroup
        /// How much is logged (`Level`); ``Level/error`` unless given, as in CDK.
        public var level: Level
        /// Whether the log includes each state's input and output and the execution's (`IncludeExecutionData`); `false`
        /// unless given, as in CDK.
        public var includeExecutionData: Bool

        /// Logging to `destination`, errors only and without execution data unless given.
        public init(destination: LogGroup, level: Level = .error, includeExecutionData: Bool = false) {
            self.destination = destination
            self.level = level
            self.includeExecutionData = includeExecutionData
        }
    }

    /// A state machine running `definition`, its `${Name}` placeholders (text definitions only) replaced by
    /// `substitutions` when CloudFormation creates it.
    public init(
        _ id: String, definition: DefinitionBody, substitutions: OrderedDictionary<String, Value> = [:], stateMachineName: String? = nil,
        type: MachineType? = nil,
        timeout: Duration? = nil, comment: String? = nil, tracing: Bool? = nil, logging: Logging? = nil,
        removalPolicy: RemovalPolicy = .destroy
    ) {
        self.id = id
        self.definition = definition
        self.substitutions = substitutions
        self.stateMachineName = stateMachineName
        self.type = type
        self.timeout = timeout
        self.comment = comment
        self.tracing = tracing
        self.logging = logging
        self.removalPolicy = removalPolicy
        let sourceArn: Value = "arn:\(Aws.partition):states:\(Aws.region):\(Aws.accountId):stateMachine:*"
        self.role = Role(
            "Role", assumedBy: "states.amazonaws.com",
            trustCondition: [
                "ArnLike": ["aws:SourceArn": sourceArn],
                "StringEquals": ["aws:SourceAccount": Aws.accountId],
            ])
    }

    /// A state machine running the chain `definition`.
    public init(
        _ id: String, definition: Chain, stateMachineName: String? = nil, type: MachineType? = nil,
        timeout: Duration? = nil, comment: String? = nil, tracing: Bool? = nil, logging: Logging? = nil,
        removalPolicy: RemovalPolicy = .destroy
    ) {
        self.init(
            id, definition: .chain(definition), stateMachineName: stateMachineName, type: type, timeout: timeout, comment: comment,
            tracing: tracing, logging: logging, removalPolicy: removalPolicy)
    }

    /// A state machine running `definition` from its first state.
    public init(
        _ id: String, definition: State, stateMachineName: String? = nil, type: MachineType? = nil,
        timeout: Duration? = nil, comment: String? = nil, tracing: Bool? = nil, logging: Logging? = nil
    ) {
        self.init(
            id, definition: .chain(Chain(definition)), stateMachineName: stateMachineName, type: type, timeout: timeout,
            comment: comment, tracing: tracing, logging: logging)
    }

    /// `{"Ref": machine}`: the state machine's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The state machine's name.
    public var name: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnStepFunctions.StateMachine.Attribute.name.rawValue))) }
    /// The name cut from the ARN (`Fn::Select` 6 of the ARN split at `:`), as CDK's policies name it.
    var nameFromArn: Value { .intrinsic("Fn::Select", [6, .intrinsic("Fn::Split", [":", arn])]) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(timeout?.wholeSeconds, in: 1...31_536_000, "timeout", unit: " s", at: scope)
        try scope.add(role)
        var graph = StateGraph(
            path: scope.path, ignoresResultWriterV1: scope.defaults.isEnabled(.stepFunctionsUseDistributedMapResultWriterV2),
            writesStaticApiEndpoints: !scope.defaults.isEnabled(.stepFunctionsTasksHttpInvokeDynamicJsonPathEndpoint))
        let definitionString: Value
        switch definition {
        case .chain(let chain):
            var document = try graph.render(chain)
            document["TimeoutSeconds"] = timeout.map { .number(Double($0.wholeSeconds)) }
            document["Comment"] = comment.map { .string($0) }
            definitionString = Value.object(document).jsonText
        case .text(let text):
            definitionString = .string(
                try DefinitionBody.check(
                    text, source: "the definition", substitutions: substitutions,
                    timeout: timeout, comment: comment, at: scope))
        case .file(let path):
            definitionString = .string(
                try DefinitionBody.check(
                    try DefinitionBody.read(path, at: scope), source: "'\(path)'",
                    substitutions: substitutions, timeout: timeout, comment: comment, at: scope))
        }
        var statements = graph.statements
        if tracing == true {
            statements.append(
                PolicyStatement(
                    actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"], resources: ["*"]))
        }
        if logging != nil {
            statements.append(
                PolicyStatement(
                    actions: [
                        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
                        "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
                    ],
                    resources: ["*"]))
        }
        for statement in statements { scope.contribute(statement, to: role, as: Role.defaultPolicyStatements) }
        for construct in graph.requirements { scope.require(construct) }
        if !graph.distributedMapLabels.isEmpty { try scope.add(distributedMapPolicy(labels: graph.distributedMapLabels)) }

        var machine = CfnStepFunctions.StateMachine(
            definitionString: definitionString,
            definitionSubstitutions: substitutions.isEmpty ? nil : .object(substitutions),
            roleArn: role.arn,
            stateMachineName: stateMachineName.map { .string($0) },
            stateMachineType: type.map { .string($0.rawValue) },
            tracingConfiguration: tracing.map { CfnStepFunctions.StateMachine.TracingConfiguration(enabled: .bool($0)) })
        if let logging {
            scope.require(logging.destination)
            machine.loggingConfiguration = CfnStepFunctions.StateMachine.LoggingConfiguration(
                destinations: [
                    CfnStepFunctions.StateMachine.LogDestination(
                        cloudWatchLogsLogGroup: CfnStepFunctions.StateMachine.CloudWatchLogsLogGroup(logGroupArn: logging.destination.arn))
                ],
                includeExecutionData: .bool(logging.includeExecutionData),
                level: .string(logging.level.rawValue))
        }
        try scope.declareResource(machine, dependencies: [Dependency(on: role)], removalPolicy: removalPolicy)
    }
}

extension PolicyStatement {
    /// Starting executions of `machine`: `states:StartSyncExecution` when the caller waits for the result.
    static func startExecution(_ machine: StateMachine, waiting: Bool = false) -> PolicyStatement {
        PolicyStatement(actions: [waiting ? "states:StartSyncExecution" : "states:StartExecution"], resources: [machine.arn])
    }
}

extension StateMachine {
    /// What distributed maps need to run their child executions (CDK's `DistributedMapPolicy` on the role):
    /// start the machine, describe and stop its executions, redrive the map runs (all of them when a map has
    /// no label, else those of the labels).
    func distributedMapPolicy(labels: [String?]) -> Policy {
        let executions: Value = "arn:\(Aws.partition):states:\(Aws.region):\(Aws.accountId):execution:\(nameFromArn)"
        let runs: [String] = labels.contains(where: { $0 == nil }) ? ["*"] : labels.compactMap { $0 }
        return Policy(
            "DistributedMapPolicy",
            statements: [
                .startExecution(self),
                PolicyStatement(actions: ["states:DescribeExecution", "states:StopExecution"], resources: ["\(executions):*"]),
                PolicyStatement(actions: ["states:RedriveExecution"], resources: runs.map { "\(executions)/\($0):*" }),
            ], roles: [role])
    }

    /// A grant to start executions of this state machine for `principal`'s role; list the result in a body.
    public func grantStartExecution(to principal: some GrantPrincipal) -> Grant {
        Grant.statements([.startExecution(self)], on: self, to: principal)
    }

    /// A grant to read this state machine's executions and history for `principal`'s role.
    public func grantRead(to principal: some GrantPrincipal) -> Grant {
        Grant.statements(
            [
                PolicyStatement(actions: ["states:ListExecutions", "states:ListStateMachines"], resources: [arn]),
                PolicyStatement(
                    actions: ["states:DescribeExecution", "states:DescribeStateMachineForExecution", "states:GetExecutionHistory"],
                    resources: ["arn:\(Aws.partition):states:\(Aws.region):\(Aws.accountId):execution:\(nameFromArn):*"]),
                PolicyStatement(actions: ["states:ListActivities", "states:DescribeStateMachine", "states:DescribeActivity"], resources: ["*"]),
            ], on: self, to: principal)
    }
}
