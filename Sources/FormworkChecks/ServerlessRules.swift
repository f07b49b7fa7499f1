/// The serverless Well-Architected rule pack: every rule of awslabs/serverless-rules and of cdk-nag's
/// ServerlessChecks pack, with the same meaning, and the serverless guidance beyond them.
public enum ServerlessRules {
    /// Every rule with the name of its static handle (`CheckRule.functionTracing`), in the order `check --list`
    /// shows them.
    static let named: [(handle: String, rule: CheckRule)] = [
        // Lambda
        ("functionTracing", .functionTracing),
        ("functionLogRetention", .functionLogRetention),
        ("functionDefaultMemory", .functionDefaultMemory),
        ("functionDefaultTimeout", .functionDefaultTimeout),
        ("functionRuntime", .functionRuntime),
        ("functionDeadLetter", .functionDeadLetter),
        ("asyncFailureDestination", .asyncFailureDestination),
        ("eventSourceFailureDestination", .eventSourceFailureDestination),
        ("streamSourceRetry", .streamSourceRetry),
        ("permissionPrincipals", .permissionPrincipals), ("plaintextSecret", .plaintextSecret),
        // Messaging and events
        ("queueDeadLetterQueue", .queueDeadLetterQueue),
        ("queueEncryption", .queueEncryption),
        ("visibilityTimeout", .visibilityTimeout),
        ("topicEncryption", .topicEncryption),
        ("subscriptionRedrive", .subscriptionRedrive),
        ("ruleTargetDeadLetter", .ruleTargetDeadLetter), ("openEventBus", .openEventBus),
        ("connectionPlaintextCredential", .connectionPlaintextCredential), ("pipeStreamDeadLetter", .pipeStreamDeadLetter),
        // APIs and workflows
        ("apiAccessLogging", .apiAccessLogging),
        ("apiStructuredLogging", .apiStructuredLogging),
        ("apiDefaultThrottling", .apiDefaultThrottling),
        ("stageTracing", .stageTracing),
        ("methodAuthorization", .methodAuthorization),
        ("appSyncTracing", .appSyncTracing), ("stateMachineTracing", .stateMachineTracing),
        // Data
        ("tablePointInTimeRecovery", .tablePointInTimeRecovery),
        ("provisionedTableScaling", .provisionedTableScaling),
        ("bucketPublicAccess", .bucketPublicAccess),
        ("bucketEncryption", .bucketEncryption),
        ("bucketTLS", .bucketTLS),
        ("streamEncryption", .streamEncryption), ("keyRotation", .keyRotation),
        // Access
        ("wildcardActions", .wildcardActions),
        ("wildcardResources", .wildcardResources),
        ("servicePrincipalScope", .servicePrincipalScope),
        ("logGroupRetention", .logGroupRetention),
    ]

    /// Every rule, in the order `check --list` shows them.
    public static let all: [CheckRule] = named.map(\.rule)

    /// The handle of each rule, by id.
    static let handles: [String: String] = Dictionary(uniqueKeysWithValues: named.map { ($0.rule.id, $0.handle) })

    /// The rule with `id`.
    public static func rule(withID id: String) -> CheckRule? {
        byID[id]
    }

    /// The rules an id of another tool names (`WS1000`, `Serverless-LambdaTracing`), or a Formwork id.
    public static func rules(named name: String) -> [CheckRule] {
        if let rule = byID[name] { return [rule] }
        return all.filter { $0.equivalents.contains(name) }
    }

    private static let byID: [String: CheckRule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}
