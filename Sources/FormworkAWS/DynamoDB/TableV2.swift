import FormworkCore
import FormworkL1
import OrderedCollections

/// A DynamoDB global table (CDK's `dynamodb.TableV2`): on-demand or provisioned, with a replica in the
/// stack's region and one per entry of `replicas`, each with the table's settings unless it gives its own.
/// Retained when the stack is deleted, as CDK. Replicas elsewhere need the stack's region to be known
/// (`Stack(region:)`) and a `NEW_AND_OLD_IMAGES` stream, which is what they get when `stream` is `nil`.
///
/// ```swift
/// TableV2("Carts", partitionKey: .string("cartId"), replicas: ["us-east-1", .init("ap-southeast-2", tableClass: .standardInfrequentAccess)],
///         pointInTimeRecovery: true)
/// ```
public struct TableV2: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The table's partition (`HASH`) key, the first entry of `KeySchema`; also written to `AttributeDefinitions`.
    public var partitionKey: Table.Attribute
    /// The table's sort (`RANGE`) key, the second entry of `KeySchema`; `nil`: the table has a partition key only.
    public var sortKey: Table.Attribute?
    /// The table's name (`TableName`): 3 to 255 letters, digits, `_`, `-` or `.`; `nil`: CloudFormation generates one.
    public var tableName: String?
    /// How the table is billed (`BillingMode`, with `WriteProvisionedThroughputSettings` and each replica's read
    /// settings when provisioned); ``Billing/onDemand`` unless given, as in CDK.
    public var billing: Billing
    /// The replicas in regions other than the stack's.
    public var replicas: [Replica]
    /// Whether continuous backups are on in every replica that does not say (`PointInTimeRecoverySpecification`);
    /// `nil`: not written, so off, as in CDK.
    public var pointInTimeRecovery: Bool?
    /// Whether every replica that does not say refuses deletion (`DeletionProtectionEnabled`); `nil`: not written,
    /// so off, as in CDK.
    public var deletionProtection: Bool?
    /// Whether CloudWatch Contributor Insights is on in every replica that does not say
    /// (`ContributorInsightsSpecification`); `nil`: not written, so off, as in CDK.
    public var contributorInsights: Bool?
    /// The storage class of every replica that does not say (`TableClass`); `nil`: not written, so
    /// ``TableClass/standard``, as in CDK.
    public var tableClass: TableClass?
    /// What the table's stream records (`StreamSpecification.StreamViewType`); `nil`: no stream, or
    /// `NEW_AND_OLD_IMAGES` when there are replicas in other regions, which need nothing else.
    public var stream: Table.StreamView?
    /// The attribute holding each item's expiry time in epoch seconds (`TimeToLiveSpecification`, written enabled);
    /// `nil`: no time to live.
    public var timeToLiveAttribute: String?
    /// What happens to the table when it leaves the stack or the stack is deleted; ``RemovalPolicy/retain`` unless
    /// given, as in CDK.
    public var removalPolicy: RemovalPolicy

    /// A global table keyed by `partitionKey` (and `sortKey`), billed on demand unless `billing` says otherwise,
    /// with a replica in the stack's region and one in each region of `replicas`.
    public init(
        _ id: String, partitionKey: Table.Attribute, sortKey: Table.Attribute? = nil, tableName: String? = nil, billing: Billing = .onDemand,
        replicas: [Replica] = [], pointInTimeRecovery: Bool? = nil, deletionProtection: Bool? = nil, contributorInsights: Bool? = nil,
        tableClass: TableClass? = nil, stream: Table.StreamView? = nil, timeToLiveAttribute: String? = nil, removalPolicy: RemovalPolicy = .retain
    ) {
        self.id = id
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.tableName = tableName
        self.billing = billing
        self.replicas = replicas
        self.pointInTimeRecovery = pointInTimeRecovery
        self.deletionProtection = deletionProtection
        self.contributorInsights = contributorInsights
        self.tableClass = tableClass
        self.stream = stream
        self.timeToLiveAttribute = timeToLiveAttribute
        self.removalPolicy = removalPolicy
    }

    /// `{"Ref": table}`: the table name.
    public var name: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The table's ARN in the stack's region.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnDynamoDB.GlobalTable.Attribute.arn.rawValue))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        let stackRegion = scope.stackRegion
        let replicaRegions = replicas.map(\.region)
        if !replicas.isEmpty, stackRegion == nil {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "replicas in other regions need the stack's region; give the stack one (Stack(_:region:))")
        }
        if let stackRegion, replicaRegions.contains(stackRegion) {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "\(stackRegion) is the stack's region, which has a replica already; list only the other regions")
        }
        if Set(replicaRegions).count != replicaRegions.count {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a region is listed twice in replicas")
        }
        if !replicas.isEmpty, let stream, stream != .newAndOldImages {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "replicas are kept in step through a NEW_AND_OLD_IMAGES stream; leave stream unset or make it .newAndOldImages")
        }
        try validateBilling(at: scope)
        let keys = [partitionKey] + (sortKey.map { [$0] } ?? [])
        let billingMode: Value = if case .provisioned = billing { "PROVISIONED" } else { "PAY_PER_REQUEST" }
        // CDK lists the other regions' replicas first, then the stack's.
        let others = replicas.map { replicaValue($0, region: .string($0.region)) }
        var table = CfnDynamoDB.GlobalTable(
            attributeDefinitions: keys.map {
                CfnDynamoDB.GlobalTable.AttributeDefinition(attributeName: .string($0.name), attributeType: .string($0.type.rawValue))
            },
            billingMode: billingMode,
            keySchema: .array(
                zip(keys, ["HASH", "RANGE"]).map { CfnDynamoDB.GlobalTable.KeySchema(attributeName: .string($0.name), keyType: .string($1)).templateValue }),
            replicas: others + [replicaValue(nil, region: stackRegion.map { .string($0) } ?? Aws.region)],
            streamSpecification: (stream ?? (replicas.isEmpty ? nil : .newAndOldImages)).map {
                CfnDynamoDB.GlobalTable.StreamSpecification(streamViewType: .string($0.rawValue))
            },
            tableName: tableName.map { .string($0) },
            timeToLiveSpecification: timeToLiveAttribute.map { CfnDynamoDB.GlobalTable.TimeToLiveSpecification(attributeName: .string($0), enabled: true) })
        if case .provisioned(_, let write) = billing { table.writeProvisionedThroughputSettings = write.writeSettings }
        try scope.declareResource(table, removalPolicy: removalPolicy)
    }

    private func validateBilling(at scope: ConstructScope) throws(SynthesisError) {
        if case .provisioned(let read, let write) = billing {
            guard case .autoscaled = write else {
                throw SynthesisError(
                    .invalidSetting, paths: [scope.path],
                    "a provisioned global table's write capacity must be auto-scaled (.autoscaled(max:)), as DynamoDB requires")
            }
            try read.validate("readCapacity", at: scope)
            try write.validate("writeCapacity", at: scope)
        } else if replicas.contains(where: { $0.readCapacity != nil }) {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a replica's readCapacity needs a provisioned table; set billing: .provisioned(...)")
        }
        for replica in replicas { try replica.readCapacity?.validate("readCapacity of \(replica.region)", at: scope) }
    }
}
