import FormworkCore
import FormworkL1
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
    /// The queue's name (`QueueName`): up to 80 letters, digits, `-` or `_`, ending in `.fifo` for a FIFO queue;
    /// `nil`: CloudFormation generates one. A named queue cannot take an update that replaces it.
    public var queueName: String?
    /// How long a received message stays hidden from other consumers (`VisibilityTimeout`, in whole seconds): up to
    /// 12 hours; `nil`: not written, so SQS's 30 seconds, as in CDK. A consuming function needs at least its timeout.
    public var visibilityTimeout: Duration?
    /// How long SQS keeps a message not deleted (`MessageRetentionPeriod`, in whole seconds): 1 minute to 14 days;
    /// `nil`: not written, so SQS's 4 days, as in CDK.
    public var retention: Duration?
    /// How long each new message stays invisible before it can be received (`DelaySeconds`, in whole seconds): up to
    /// 15 minutes; `nil`: not written, so none.
    public var deliveryDelay: Duration?
    /// How long a receive call waits for a message to arrive, long polling when above 0
    /// (`ReceiveMessageWaitTimeSeconds`, in whole seconds): up to 20 seconds; `nil`: not written, so short polling.
    public var receiveWaitTime: Duration?
    /// The largest message the queue accepts, in bytes (`MaximumMessageSize`): 1,024 to 1,048,576; `nil`: not
    /// written, so SQS's default, 1,048,576.
    public var maxMessageSizeBytes: Int?
    /// Where messages go after too many failed receives (`RedrivePolicy`), a FIFO queue for a FIFO queue; `nil`:
    /// messages stay until they expire.
    public var deadLetter: DeadLetterQueue?
    /// Whether the queue is FIFO, keeping order and delivering once (`FifoQueue`); `nil`: FIFO when the name ends
    /// in `.fifo` or a FIFO-only setting is given, as CDK decides. Written only for a FIFO queue; changing it replaces the queue.
    public var fifo: Bool?
    /// `ContentBasedDeduplication`, written whenever it is given (FIFO queues only).
    public var contentBasedDeduplication: Bool?
    /// Whether a FIFO queue deduplicates per message group or across the queue (`DeduplicationScope`); `nil`: not
    /// written, so SQS's ``DeduplicationScope/queue``. Giving it makes the queue FIFO.
    public var deduplicationScope: DeduplicationScope?
    /// Whether a FIFO queue's throughput quota counts per queue or per message group (`FifoThroughputLimit`);
    /// `nil`: not written, so SQS's ``FifoThroughputLimit/perQueue``. Giving it makes the queue FIFO.
    public var fifoThroughputLimit: FifoThroughputLimit?
    /// Server-side encryption (`SqsManagedSseEnabled` or `KmsMasterKeyId`); `nil`: nothing written, so SQS's
    /// default for a new queue, SSE-SQS, as in CDK.
    public var encryption: Encryption?
    /// Whether the queue's policy denies requests without TLS (a `Deny` on `aws:SecureTransport: false`); `false`
    /// unless given, as in CDK.
    public var enforceSSL: Bool
    /// What happens to the queue when it leaves the stack or the stack is deleted; ``RemovalPolicy/destroy``
    /// unless given, as in CDK.
    public var removalPolicy: RemovalPolicy
    /// The existing queue this value stands for (``Queue/fromQueueArn(_:arn:)``); `nil` for a queue the stack declares.
    public internal(set) var imported: ImportedArn?

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

    /// `{"Ref": queue}`: the queue URL; for an imported queue, CDK's URL built from its ARN
    /// (`https://sqs.<region>.<URL suffix>/<account>/<name>`).
    public var url: Value {
        if let imported { return "https://sqs.\(imported.component(3)).\(Aws.urlSuffix)/\(imported.component(4))/\(imported.component(5))" }
        return .reference(Reference(to: self, element: ["Resource"], form: .ref))
    }
    /// The queue's ARN; for an imported queue, the ARN it was imported with.
    public var arn: Value { imported?.arn ?? attribute(.arn) }
    /// The queue's name; for an imported queue, the last part of its ARN.
    public var name: Value { imported?.component(5) ?? attribute(.queueName) }

    private func attribute(_ attribute: CfnSQS.Queue.Attribute) -> Value {
        .reference(Reference(to: self, element: ["Resource"], form: .getAtt(attribute.rawValue)))
    }

    /// Whether the queue is FIFO: set, or implied by a `.fifo` name or a FIFO-only setting, as CDK decides.
    public var isFifo: Bool {
        fifo ?? (queueName?.hasSuffix(".fifo") == true || contentBasedDeduplication == true || deduplicationScope != nil || fifoThroughputLimit != nil)
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if let imported {
            // CDK declares nothing for an imported queue, and drops what edges add to its policy.
            try imported.validate(at: scope)
            return
        }
        try validate(at: scope)
        var queue = CfnSQS.Queue(
            contentBasedDeduplication: contentBasedDeduplication.map(Value.bool),
            deduplicationScope: deduplicationScope.map { .string($0.rawValue) },
            delaySeconds: deliveryDelay.map { .number(Double($0.wholeSeconds)) },
            fifoQueue: isFifo ? true : nil,
            fifoThroughputLimit: fifoThroughputLimit.map { .string($0.rawValue) },
            maximumMessageSize: maxMessageSizeBytes.map { .number(Double($0)) },
            messageRetentionPeriod: retention.map { .number(Double($0.wholeSeconds)) },
            queueName: queueName.map(Value.string),
            receiveMessageWaitTimeSeconds: receiveWaitTime.map { .number(Double($0.wholeSeconds)) },
            redrivePolicy: deadLetter.map { ["deadLetterTargetArn": $0.queue.arn, "maxReceiveCount": .number(Double($0.maxReceiveCount))] },
            visibilityTimeout: visibilityTimeout.map { .number(Double($0.wholeSeconds)) })
        switch encryption {
        case .kmsManaged?: queue.kmsMasterKeyId = "alias/aws/sqs"
        case .kms(let key)?:
            scope.require(key)
            queue.kmsMasterKeyId = key.arn
        case .sqsManaged?: queue.sqsManagedSseEnabled = true
        case .unencrypted?: queue.sqsManagedSseEnabled = false
        case nil: break
        }
        try scope.declareResource(queue, removalPolicy: removalPolicy)

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
                CfnSQS.QueuePolicy(policyDocument: PolicyDocument(statements, minimizing: scope.minimizesPolicies).value, queues: [url]))
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
        /// Messages move to `queue` after `maxReceiveCount` receives without a delete (`deadLetterTargetArn`,
        /// `maxReceiveCount`), 1 to 1,000.
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
        /// Duplicates are detected within each message group (`messageGroup`); with ``FifoThroughputLimit/perMessageGroupId``,
        /// high throughput.
        case messageGroup
        /// Duplicates are detected across the whole queue (`queue`).
        case queue
    }

    /// `FifoThroughputLimit` of a FIFO queue.
    public enum FifoThroughputLimit: String, Sendable {
        /// The throughput quota applies to the whole queue (`perQueue`).
        case perQueue
        /// The throughput quota applies to each message group (`perMessageGroupId`); only with
        /// ``DeduplicationScope/messageGroup``.
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
