import FormworkCore
import FormworkL1
import OrderedCollections

/// A DynamoDB table (CDK's `dynamodb.Table`): keys, billing, stream; retained when the stack is deleted, as
/// in CDK.
///
/// ```swift
/// let orders = Table("Orders", partitionKey: .string("orderId"), billing: .onDemand)
/// orders.grant(.readWrite, to: worker)
/// ```
public struct Table: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The table's partition (`HASH`) key, the first entry of `KeySchema`; also written to `AttributeDefinitions`.
    public var partitionKey: Attribute
    /// The table's sort (`RANGE`) key, the second entry of `KeySchema`; `nil`: the table has a partition key only.
    public var sortKey: Attribute?
    /// How the table is billed (`BillingMode` or `ProvisionedThroughput`); provisioned at 5 read and 5 write units unless given, as in CDK.
    public var billing: Billing
    /// What the table's stream records (`StreamSpecification.StreamViewType`); `nil`: no stream, as in CDK.
    public var stream: StreamView?
    /// The table's name (`TableName`): 3 to 255 letters, digits, `_`, `-` or `.`; `nil`: CloudFormation generates one.
    /// A named table cannot take an update that replaces it.
    public var tableName: String?
    /// The attribute holding each item's expiry time in epoch seconds (`TimeToLiveSpecification`, written enabled);
    /// `nil`: no time to live.
    public var timeToLiveAttribute: String?
    /// Whether continuous backups are on (`PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled`); `nil`:
    /// not written, so off, as in CDK.
    public var pointInTimeRecovery: Bool?
    /// Whether the table refuses deletion (`DeletionProtectionEnabled`); `nil`: not written, so off, as in CDK.
    public var deletionProtection: Bool?
    /// Secondary indexes.
    public var indexes: [Index]
    /// Server-side encryption; `nil` writes nothing (an AWS owned key), as CDK does when it is not given.
    public var encryption: Encryption?
    /// Auto scaling of the read capacity; provisioned billing only.
    public var readScaling: Scaling?
    /// Auto scaling of the write capacity; provisioned billing only.
    public var writeScaling: Scaling?
    /// What happens to the table when it leaves the stack or the stack is deleted; ``RemovalPolicy/retain`` unless
    /// given, as in CDK.
    public var removalPolicy: RemovalPolicy
    /// The existing table this value stands for (``Table/fromTableArn(_:arn:)``, ``Table/fromTableName(_:name:)``,
    /// ``Table/fromTableAttributes(_:arn:streamArn:)``); `nil` for a table the stack declares.
    public internal(set) var imported: ImportedArn?
    /// The ARN of an imported table's stream, as given (``Table/fromTableAttributes(_:arn:streamArn:)``); `nil`: none
    /// given, so the table cannot grant reading its stream.
    var importedStreamArn: Value?

    /// A table keyed by `partitionKey` (and `sortKey`); provisioned at 5 read and 5 write units unless
    /// `billing` says otherwise, as in CDK.
    public init(
        _ id: String,
        partitionKey: Attribute,
        sortKey: Attribute? = nil,
        billing: Billing = .provisioned(read: 5, write: 5),
        stream: StreamView? = nil,
        tableName: String? = nil,
        timeToLiveAttribute: String? = nil,
        pointInTimeRecovery: Bool? = nil,
        deletionProtection: Bool? = nil,
        indexes: [Index] = [],
        encryption: Encryption? = nil,
        readScaling: Scaling? = nil,
        writeScaling: Scaling? = nil,
        removalPolicy: RemovalPolicy = .retain
    ) {
        self.id = id
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.billing = billing
        self.stream = stream
        self.tableName = tableName
        self.timeToLiveAttribute = timeToLiveAttribute
        self.pointInTimeRecovery = pointInTimeRecovery
        self.deletionProtection = deletionProtection
        self.indexes = indexes
        self.encryption = encryption
        self.readScaling = readScaling
        self.writeScaling = writeScaling
        self.removalPolicy = removalPolicy
    }

    /// `{"Ref": table}`: the table name; for an imported table, the name after `table/` in its ARN.
    public var name: Value {
        if let imported { return imported.slashResource(1) ?? attribute(nil) }
        return attribute(nil)
    }
    /// The table's ARN; for an imported table, the ARN it was imported with (or built from its name).
    public var arn: Value { imported?.arn ?? attribute(.arn) }
    /// The ARN of the table's stream; for an imported table, the stream ARN it was imported with.
    public var streamArn: Value {
        if imported != nil, let importedStreamArn { return importedStreamArn }
        return attribute(.streamArn)
    }

    private func attribute(_ attribute: CfnDynamoDB.Table.Attribute?) -> Value {
        .reference(Reference(to: self, element: ["Resource"], form: attribute.map { Reference.Form.getAtt($0.rawValue) } ?? .ref))
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if let imported {
            // CDK declares nothing for an imported table, and drops what edges add to its resource policy.
            try imported.validate(at: scope)
            if let text = imported.text, imported.slashResource(1) == nil {
                throw SynthesisError(
                    .invalidSetting, paths: [scope.path],
                    "'\(text)' is not a table ARN; give one of the form arn:partition:dynamodb:region:account:table/name")
            }
            return
        }
        try validateIndexes(at: scope)
        let keys = [partitionKey] + (sortKey.map { [$0] } ?? [])
        let indexProperties = indexProperties()
        var table = CfnDynamoDB.Table(
            attributeDefinitions: attributeDefinitions,
            deletionProtectionEnabled: deletionProtection.map { .bool($0) },
            globalSecondaryIndexes: indexProperties.global,
            keySchema: .array(Self.keySchema(keys).map(\.templateValue)),
            localSecondaryIndexes: indexProperties.local,
            pointInTimeRecoverySpecification: pointInTimeRecovery.map {
                CfnDynamoDB.Table.PointInTimeRecoverySpecification(pointInTimeRecoveryEnabled: .bool($0))
            },
            streamSpecification: stream.map { CfnDynamoDB.Table.StreamSpecification(streamViewType: .string($0.rawValue)) },
            tableName: tableName.map { .string($0) },
            timeToLiveSpecification: timeToLiveAttribute.map { CfnDynamoDB.Table.TimeToLiveSpecification(attributeName: .string($0), enabled: true) })
        if case .onDemand = billing { table.billingMode = "PAY_PER_REQUEST" }
        if case .provisioned(let read, let write) = billing {
            try PropertyChecks.check(read, in: 1...Int.max, "read capacity", at: scope)
            try PropertyChecks.check(write, in: 1...Int.max, "write capacity", at: scope)
            table.provisionedThroughput = CfnDynamoDB.Table.ProvisionedThroughput(
                readCapacityUnits: .number(Double(read)), writeCapacityUnits: .number(Double(write)))
        }
        switch encryption {
        case nil: break
        case .awsOwned?: table.sseSpecification = CfnDynamoDB.Table.SSESpecification(sseEnabled: false)
        case .awsManaged?: table.sseSpecification = CfnDynamoDB.Table.SSESpecification(sseEnabled: true)
        case .customerManaged(let keyArn)?:
            table.sseSpecification = CfnDynamoDB.Table.SSESpecification(kmsMasterKeyId: keyArn, sseEnabled: true, sseType: "KMS")
        }
        try scope.declare(.resource(ResourceDeclaration(table, removalPolicy: removalPolicy)), at: "Resource")
        if case .onDemand = billing, readScaling != nil || writeScaling != nil {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "auto scaling needs provisioned billing; an on-demand table scales by itself")
        }
        if let readScaling { try declareScaling(readScaling, dimension: "Read", in: scope) }
        if let writeScaling { try declareScaling(writeScaling, dimension: "Write", in: scope) }
    }
}

extension Table {
    /// A key attribute: its name and type.
    public struct Attribute: Sendable, Hashable {
        /// The attribute's name (`AttributeName`): 1 to 255 bytes.
        public var name: String
        /// The attribute's type (`AttributeType`).
        public var type: AttributeType

        /// A string key.
        public static func string(_ name: String) -> Attribute { Attribute(name: name, type: .string) }
        /// A number key.
        public static func number(_ name: String) -> Attribute { Attribute(name: name, type: .number) }
        /// A binary key.
        public static func binary(_ name: String) -> Attribute { Attribute(name: name, type: .binary) }
    }

    /// `AttributeType`.
    public enum AttributeType: String, Sendable {
        /// A string (`S`).
        case string = "S"
        /// A number (`N`).
        case number = "N"
        /// Binary data (`B`).
        case binary = "B"
    }

    /// How the table is billed.
    public enum Billing: Sendable, Hashable {
        /// `BillingMode: PAY_PER_REQUEST`.
        case onDemand
        /// `ProvisionedThroughput` with these read and write capacity units.
        case provisioned(read: Int, write: Int)
    }

    /// What the table's stream records.
    public enum StreamView: String, Sendable {
        /// The whole item as it is after the change (`NEW_IMAGE`).
        case newImage = "NEW_IMAGE"
        /// The whole item as it was before the change (`OLD_IMAGE`).
        case oldImage = "OLD_IMAGE"
        /// The item both before and after the change (`NEW_AND_OLD_IMAGES`).
        case newAndOldImages = "NEW_AND_OLD_IMAGES"
        /// Only the key attributes of the changed item (`KEYS_ONLY`).
        case keysOnly = "KEYS_ONLY"
    }
}
