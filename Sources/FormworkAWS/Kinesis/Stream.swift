import FormworkCore
import FormworkL1
import OrderedCollections

/// A Kinesis data stream (CDK's `kinesis.Stream`): encrypted with the AWS managed key where the region
/// supports it, retained when the stack is deleted.
///
/// ```swift
/// let events = Stream("DataStream", capacity: .shards(2), retention: .days(7))
/// ```
public struct Stream: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// Fixed shards (`ShardCount`, 1 to 100,000) or on-demand (`StreamModeDetails`); one shard unless given, as in CDK.
    public var capacity: Capacity
    /// How long records stay readable (`RetentionPeriodHours`, in whole hours): 24 hours to 365 days; `nil` writes
    /// 24 hours, as CDK does.
    public var retention: Duration?
    /// The stream's name (`Name`): 1 to 128 letters, digits, `_`, `.` or `-`; `nil`: CloudFormation generates one.
    public var streamName: String?
    /// Server-side encryption; `nil` is CDK's default: the AWS managed key, except in the regions without
    /// Kinesis encryption (a condition CDK adds). Given as ``Encryption/managed``, the key is used everywhere.
    public var encryption: Encryption?
    /// What happens to the stream when it leaves the stack or the stack is deleted; ``RemovalPolicy/retain`` unless
    /// given, as in CDK.
    public var removalPolicy: RemovalPolicy

    /// How the stream's throughput is set.
    public enum Capacity: Sendable, Hashable {
        /// A fixed number of shards.
        case shards(Int)
        /// On-demand capacity.
        case onDemand
    }

    /// Server-side encryption.
    public enum Encryption: Sendable, Equatable {
        /// The AWS managed key (`alias/aws/kinesis`), except in the regions without it, as CDK does.
        case managed
        /// No encryption.
        case unencrypted
        /// A customer key, by ARN, id or alias.
        case kms(keyId: Value)
    }

    /// The name of the condition CDK adds for the regions without Kinesis encryption.
    static let unsupportedRegionsCondition = "AwsCdkKinesisEncryptedStreamsUnsupportedRegions"

    /// A stream of one shard unless `capacity` says otherwise, as in CDK.
    public init(
        _ id: String, capacity: Capacity = .shards(1), retention: Duration? = nil, streamName: String? = nil,
        encryption: Encryption? = nil, removalPolicy: RemovalPolicy = .retain
    ) {
        self.id = id
        self.capacity = capacity
        self.retention = retention
        self.streamName = streamName
        self.encryption = encryption
        self.removalPolicy = removalPolicy
    }

    /// `{"Ref": stream}`: the stream name.
    public var name: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The stream's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnKinesis.Stream.Attribute.arn.rawValue))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        let hours = retention.map { $0.wholeSeconds / 3_600 }
        try PropertyChecks.check(hours, in: 24...8_760, "retention", unit: " hours", at: scope)
        var stream = CfnKinesis.Stream()
        stream.name = streamName.map { .string($0) }
        stream.retentionPeriodHours = .number(Double(hours ?? 24))
        switch capacity {
        case .shards(let count):
            try PropertyChecks.check(count, in: 1...100_000, "shard count", at: scope)
            stream.shardCount = .number(Double(count))
        case .onDemand:
            stream.streamModeDetails = CfnKinesis.Stream.StreamModeDetails(streamMode: "ON_DEMAND")
        }
        let managed = CfnKinesis.Stream.StreamEncryption(encryptionType: "KMS", keyId: "alias/aws/kinesis")
        switch encryption {
        case nil:
            try declareUnsupportedRegionsCondition(in: scope.stack)
            // CDK leaves it out in the regions without Kinesis encryption.
            stream.streamEncryption = .init(intrinsic: .if(Self.unsupportedRegionsCondition, Aws.noValue, managed.templateValue))
        case .managed?:
            stream.streamEncryption = managed
        case .kms(let keyId)?:
            stream.streamEncryption = CfnKinesis.Stream.StreamEncryption(encryptionType: "KMS", keyId: keyId)
        case .unencrypted?:
            break
        }
        try scope.declareResource(stream, removalPolicy: removalPolicy)
    }

    /// The stack-level condition, declared once per stack, true in the China regions.
    private func declareUnsupportedRegionsCondition(in stack: ConstructScope) throws(SynthesisError) {
        let condition = try stack.child(Self.unsupportedRegionsCondition)
        guard !condition.hasElement else { return }
        try condition.declare(
            .condition(
                .or([
                    .equals(Aws.region, "cn-north-1"),
                    .equals(Aws.region, "cn-northwest-1"),
                ])))
    }
}

/// What a grant on a stream allows, with CDK's action sets.
public enum StreamGrant: String, Sendable {
    /// Read records.
    case read
    /// Put records.
    case write

    func statements(for stream: Stream) -> [PolicyStatement] {
        switch self {
        case .read:
            [
                PolicyStatement(
                    actions: [
                        "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator",
                        "kinesis:ListShards", "kinesis:SubscribeToShard", "kinesis:DescribeStream",
                        "kinesis:ListStreams", "kinesis:DescribeStreamConsumer",
                    ], resources: [stream.arn])
            ]
        case .write:
            [PolicyStatement(actions: ["kinesis:ListShards", "kinesis:PutRecord", "kinesis:PutRecords"], resources: [stream.arn])]
        }
    }
}

extension Stream {
    /// A grant of `access` to this stream for `principal`'s role; list the result in a body.
    public func grant(_ access: StreamGrant, to principal: some GrantPrincipal) -> Grant {
        Grant(id: "\(principal.id)Can\(access.rawValue)\(id)", resource: self, principal: principal, statements: access.statements(for: self))
    }
}
