import FormworkCore
import FormworkTemplate
import OrderedCollections

/// An SQS queue (CDK's `sqs.Queue`): the same properties, defaults and logical IDs.
///
/// ```swift
/// let dlq = Queue("DLQ", retention: .days(14))
/// Queue("Orders", visibilityTimeout: .seconds(300), deadLetter: .init(queue: dlq, maxReceiveCount: 3))
/// ```
///
/// As in CDK, the queue is deleted with the stack (`DeletionPolicy: Delete`) unless another removal policy is
/// given.
public struct Queue: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    public var queueName: String?
    public var visibilityTimeout: Duration?
    public var retention: Duration?
    public var deliveryDelay: Duration?
    public var receiveWaitTime: Duration?
    public var maxMessageSizeBytes: Int?
    public var deadLetter: DeadLetterQueue?
    public var fifo: Bool?
    /// `ContentBasedDeduplication`, written whenever it is given (FIFO queues only).
    public var contentBasedDeduplication: Bool?
    public var deduplicationScope: DeduplicationScope?
    public var fifoThroughputLimit: FifoThroughputLimit?
    public var encryption: Encryption?
    public var enforceSSL: Bool
    public var removalPolicy: RemovalPolicy

    /// Statements subscriptions and other edges add to the queue's resource policy.
    public static let policyStatements = ContributionKey<PolicyStatement>("Queue.policyStatements")

    /// A queue; every setting optional, as in CDK.
    public init(
        _ id: String,
        queueName: String? = nil,
        visibilityTimeout: Duration? = nil,
        retention: Duration? = nil,
        deliveryDelay: Duration? = nil,
        receiveWaitTime: Duration? = nil,
        maxMessageSizeBytes: Int? = nil,
        deadLetter: DeadLetterQueue? = nil,
        fifo: Bool? = nil,
        contentBasedDeduplication: Bool? = nil,
        deduplicationScope: DeduplicationScope? = nil,
        fifoThroughputLimit: FifoThroughputLimit? = nil,
        encryption: Encryption? = nil,
        enforceSSL: Bool = false,
        removalPolicy: RemovalPolicy = .destroy
    ) {
        self.id = id
        self.queueName = queueName
        self.visibilityTimeout = visibilityTimeout
        self.retention = retention
        self.deliveryDelay = deliveryDelay
        self.receiveWaitTime = receiveWaitTime
        self.maxMessageSizeBytes = maxMessageSizeBytes
        self.deadLetter = deadLetter
        self.fifo = fifo
        self.contentBasedDeduplication = contentBasedDeduplication
        self.deduplicationScope = deduplicationScope
        self.fifoThroughputLimit = fifoThroughputLimit
        self.encryption = encryption
        self.enforceSSL = enforceSSL
        self.removalPolicy = removalPolicy
    }

    /// `{"Ref": queue}`: the queue URL.
    public var url: Value { attribute(nil) }
    /// The queue's ARN.
    public var arn: Value { attribute("Arn") }
    /// The queue's name.
    public var name: Value { attribute("QueueName") }

    private func attribute(_ name: String?) -> Value {
        .reference(Reference(to: self, element: ["Resource"], form: name.map(Reference.Form.getAtt) ?? .ref))
    }

    /// Whether the queue is FIFO: set, or implied by a `.fifo` name or a FIFO-only setting, as CDK decides.
    public var isFifo: Bool {
        fifo ?? (queueName?.hasSuffix(".fifo") == true || contentBasedDeduplication == true || deduplicationScope != nil || fifoThroughputLimit != nil)
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try validate(at: scope)
        var properties = OrderedDictionary<String, Value>()
        properties["ContentBasedDeduplication"] = contentBasedDeduplication.map { .bool($0) }
        properties["DeduplicationScope"] = deduplicationScope.map { .string($0.rawValue) }
        properties["DelaySeconds"] = deliveryDelay.map { .number(Double($0.wholeSeconds)) }
        properties["FifoQueue"] = isFifo ? true : nil
        properties["FifoThroughputLimit"] = fifoThroughputLimit.map { .string($0.rawValue) }
        switch encryption {
        case .kmsManaged?: properties["KmsMasterKeyId"] = "alias/aws/sqs"
        case .kms(let key)?:
            scope.require(key)
            properties["KmsMasterKeyId"] = key.arn
        case .sqsManaged?, .unencrypted?, nil: break
        }
        properties["MaximumMessageSize"] = maxMessageSizeBytes.map { .number(Double($0)) }
        properties["MessageRetentionPeriod"] = retention.map { .number(Double($0.wholeSeconds)) }
        properties["QueueName"] = queueName.map { .string($0) }
        properties["ReceiveMessageWaitTimeSeconds"] = receiveWaitTime.map { .number(Double($0.wholeSeconds)) }
        properties["RedrivePolicy"] = deadLetter.map { ["deadLetterTargetArn": $0.queue.arn, "maxReceiveCount": .number(Double($0.maxReceiveCount))] }
        switch encryption {
        case .sqsManaged?: properties["SqsManagedSseEnabled"] = true
        case .unencrypted?: properties["SqsManagedSseEnabled"] = false
        case .kmsManaged?, .kms?, nil: break
        }
        properties["VisibilityTimeout"] = visibilityTimeout.map { .number(Double($0.wholeSeconds)) }
        try scope.declare(.resource(ResourceDeclaration(type: "AWS::SQS::Queue", properties: properties, removalPolicy: removalPolicy)), at: "Resource")

        if enforceSSL {
            scope.contribute(
                PolicyStatement(
                    effect: .deny, actions: ["sqs:*"], resources: [arn],
                    principal: ["AWS": "*"], condition: ["Bool": ["aws:SecureTransport": "false"]]),
                to: self, as: Self.policyStatements)
        }
        scope.afterExpansion(.finalize) { scope throws(SynthesisError) in
            let statements = scope.contributions(to: self, as: Queue.policyStatements)
            guard !statements.isEmpty else { return }
            var policy = ResourceDeclaration(
                type: "AWS::SQS::QueuePolicy",
                properties: [
                    "PolicyDocument": PolicyDocument(statements, minimizing: scope.minimizesPolicies).value,
                    "Queues": [url],
                ])
            policy.resolvedTransforms = scope.policyTransforms
            try scope.child("Policy").declare(.resource(policy), at: "Resource")
        }
    }

    private func validate(at scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(deliveryDelay?.wholeSeconds, in: 0...900, "deliveryDelay", unit: " s", at: scope)
        try PropertyChecks.check(retention?.wholeSeconds, in: 60...1_209_600, "retention", unit: " s", at: scope)
        try PropertyChecks.check(receiveWaitTime?.wholeSeconds, in: 0...20, "receiveWaitTime", unit: " s", at: scope)
        try PropertyChecks.check(visibilityTimeout?.wholeSeconds, in: 0...43_200, "visibilityTimeout", unit: " s", at: scope)
        try PropertyChecks.check(maxMessageSizeBytes, in: 1_024...1_048_576, "maxMessageSizeBytes", unit: " bytes", at: scope)
        try PropertyChecks.check(deadLetter?.maxReceiveCount, in: 1...1_000, "maxReceiveCount", at: scope)
        if let queueName, fifo == false, queueName.hasSuffix(".fifo") {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "a standard queue's name must not end in '.fifo'; remove the suffix or make the queue FIFO")
        }
        if let queueName, isFifo, !queueName.hasSuffix(".fifo") {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a FIFO queue's name must end in '.fifo': '\(queueName).fifo'")
        }
        if let deadLetter, deadLetter.queue.isFifo != isFifo {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "a \(isFifo ? "FIFO" : "standard") queue needs a \(isFifo ? "FIFO" : "standard") dead-letter queue; '\(deadLetter.queue.id)' is \(deadLetter.queue.isFifo ? "FIFO" : "standard")"
            )
        }
    }
}

extension Queue {
    /// Where messages go after `maxReceiveCount` failed receives.
    ///
    /// An indirect enum, because a queue holds its dead-letter queue by value.
    public indirect enum DeadLetterQueue: Sendable {
        case queue(Queue, maxReceiveCount: Int)

        /// `queue`, after `maxReceiveCount` failed receives.
        public init(queue: Queue, maxReceiveCount: Int) {
            self = .queue(queue, maxReceiveCount: maxReceiveCount)
        }

        /// The dead-letter queue.
        public var queue: Queue {
            switch self {
            case .queue(let queue, _): queue
            }
        }

        /// How many receives fail before a message moves to the dead-letter queue.
        public var maxReceiveCount: Int {
            switch self {
            case .queue(_, let count): count
            }
        }
    }

    /// `DeduplicationScope` of a FIFO queue.
    public enum DeduplicationScope: String, Sendable {
        case messageGroup
        case queue
    }

    /// `FifoThroughputLimit` of a FIFO queue.
    public enum FifoThroughputLimit: String, Sendable {
        case perQueue
        case perMessageGroupId
    }

    /// Server-side encryption.
    public enum Encryption: Sendable, Equatable {
        /// `SqsManagedSseEnabled: false`.
        case unencrypted
        /// `SqsManagedSseEnabled: true`.
        case sqsManaged
        /// `KmsMasterKeyId: alias/aws/sqs`.
        case kmsManaged
        /// A customer managed key; grants on the queue include the key actions they need.
        case kms(Key)

        public static func == (lhs: Encryption, rhs: Encryption) -> Bool {
            switch (lhs, rhs) {
            case (.unencrypted, .unencrypted), (.sqsManaged, .sqsManaged), (.kmsManaged, .kmsManaged): true
            case (.kms(let a), .kms(let b)): a.identity == b.identity
            default: false
            }
        }
    }

    /// The customer managed key, when the queue has one.
    var customerKey: Key? {
        if case .kms(let key)? = encryption { return key }
        return nil
    }
}
