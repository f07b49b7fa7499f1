import FormworkCore
import FormworkL1
import FormworkTemplate
import OrderedCollections

/// An EventBridge pipe (CDK's `pipes.Pipe`, alpha in aws-cdk 2.275): reads a queue or stream, keeps the
/// events its filters match, optionally enriches them, and delivers them to a target — an integration with
/// no function of your own in between. It acts through a role of its own, granted what the source, the
/// enrichment, the target and the log group need.
///
/// ```swift
/// Pipe("OrderPlaced",
///      source: .dynamoDBStream(orders, .init(startingPosition: .latest)),
///      filters: [["eventName": ["INSERT"]]],
///      target: .eventBus(bus, detailType: "OrderPlaced", source: "shop.orders"))
/// ```
public struct Pipe: GrantPrincipal {
    /// How much a pipe logs.
    public enum LogLevel: String, Sendable {
        /// `ERROR`: records errors only.
        case error = "ERROR"
        /// `INFO`: records errors and the main steps of each run, such as starting the target.
        case info = "INFO"
        /// `TRACE`: records every step of each run.
        case trace = "TRACE"
    }

    /// Where and how much a pipe logs.
    public struct Logging: Sendable {
        /// The log group the records go to (`LogGroupArn` of `CloudwatchLogsLogDestination`); the pipe's role may write to it.
        public var destination: LogGroup
        /// How much the pipe logs (`Level`).
        public var level: LogLevel
        /// Whether log records carry the event, its transformation and the target's answer.
        public var includeExecutionData: Bool

        /// Logging to `destination` at `level`, without execution data unless `includeExecutionData` (`IncludeExecutionData:
        /// ["ALL"]`, written only then).
        public init(destination: LogGroup, level: LogLevel, includeExecutionData: Bool = false) {
            self.destination = destination
            self.level = level
            self.includeExecutionData = includeExecutionData
        }
    }

    public let id: String
    public let identity = ConstructIdentity()
    /// Where the pipe reads records (`Source` and `SourceParameters`); its role is granted the reading.
    public var source: PipeSource
    /// Event patterns (as for an EventBridge rule, matched against each record); a record passes when any
    /// matches. Every record passes when empty.
    public var filters: [Value]
    /// A step that enriches each batch before delivery (`Enrichment` and `EnrichmentParameters`); `nil` (the default) writes
    /// none, and records go to the target as filtered.
    public var enrichment: PipeEnrichment?
    /// Where the pipe delivers records (`Target` and `TargetParameters`); its role is granted the delivery.
    public var target: PipeTarget
    /// The pipe's name (`Name`): 1 to 64 letters, digits, `.`, `-` and `_`; `nil` (the default) leaves it out and
    /// CloudFormation generates one.
    public var pipeName: String?
    /// The pipe's description (`Description`), up to 512 characters; none written unless given.
    public var description: String?
    /// Whether the pipe runs once created; CloudFormation's default (running) when `nil`.
    public var enabled: Bool?
    /// Where and how much the pipe logs (`LogConfiguration`); `nil` (the default) writes none, and the pipe does not log.
    public var logging: Logging?
    /// The role the pipe acts through, at `<Pipe>/Role`.
    public let role = Role("Role", assumedBy: "pipes.amazonaws.com")

    /// A pipe from `source` to `target`; `filters` takes at most five patterns of fixed values.
    public init(
        _ id: String, source: PipeSource, filters: [Value] = [], enrichment: PipeEnrichment? = nil, target: PipeTarget,
        pipeName: String? = nil, description: String? = nil, enabled: Bool? = nil, logging: Logging? = nil
    ) {
        self.id = id
        self.source = source
        self.filters = filters
        self.enrichment = enrichment
        self.target = target
        self.pipeName = pipeName
        self.description = description
        self.enabled = enabled
        self.logging = logging
    }

    /// `{"Ref": pipe}`: the pipe's name.
    public var name: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The pipe's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnPipes.Pipe.Attribute.arn.rawValue))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        let reading = try source.origin.pipeSource(at: scope)
        let enriching = try enrichment?.destination.pipeEnrichment(at: scope)
        let delivering = try target.destination.pipeTarget(at: scope)
        try validateNames(at: scope)
        let patterns = try filterPatterns(at: scope)
        for construct in [reading.construct, enriching?.construct, delivering.construct, logging?.destination].compactMap({ $0 }) {
            scope.require(construct)
        }
        try scope.add(role)
        var statements = reading.statements
        statements += enriching?.statements ?? []
        statements += delivering.statements
        if let logging {
            statements.append(PolicyStatement(actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [logging.destination.arn]))
        }
        for statement in statements { scope.contribute(statement, to: role, as: Role.defaultPolicyStatements) }

        let enrichmentParameters = try enrichment?.parameters(at: scope)
        var pipe = CfnPipes.Pipe(
            description: description.map { .string($0) },
            desiredState: enabled.map { $0 ? "RUNNING" : "STOPPED" },
            enrichment: enriching?.arn,
            logConfiguration: logging.map { logging in
                CfnPipes.Pipe.PipeLogConfiguration(
                    cloudwatchLogsLogDestination: CfnPipes.Pipe.CloudwatchLogsLogDestination(logGroupArn: logging.destination.arn),
                    includeExecutionData: logging.includeExecutionData ? ["ALL"] : nil,
                    level: .string(logging.level.rawValue))
            },
            name: pipeName.map { .string($0) },
            roleArn: role.arn,
            source: reading.arn,
            target: delivering.arn)
        pipe.enrichmentParameters = enrichmentParameters
        pipe.sourceParameters = source.parameters(reading, filters: patterns)
        pipe.targetParameters = try target.parameters(delivering, at: scope)
        try scope.declareResource(pipe, dependencies: [Dependency(on: role)])
    }

    private func validateNames(at scope: ConstructScope) throws(SynthesisError) {
        if let pipeName, pipeName.isEmpty || pipeName.count > 64 || !pipeName.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) }) {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "pipeName '\(pipeName)' must be 1 to 64 letters, digits, '.', '-' or '_'")
        }
        try PropertyChecks.check(description?.count, in: 0...512, "description", unit: " characters", at: scope)
        if filters.count > 5 {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a pipe takes at most 5 filters; it has \(filters.count)")
        }
    }

    /// The filters as the JSON texts Pipes takes; a pattern cannot reference other resources.
    private func filterPatterns(at scope: ConstructScope) throws(SynthesisError) -> [String] {
        var patterns: [String] = []
        for (index, filter) in filters.enumerated() {
            guard case .object = filter, let json = filter.json else {
                throw SynthesisError(
                    .invalidSetting, paths: [scope.path],
                    "filter \(index + 1) of the pipe must be a JSON object of fixed values, such as [\"eventName\": [\"INSERT\"]]")
            }
            patterns.append(JSONWriter(style: .compact).string(from: json))
        }
        return patterns
    }
}
