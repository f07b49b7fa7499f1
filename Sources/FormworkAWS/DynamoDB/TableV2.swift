import FormworkCore
import OrderedCollections

/// A DynamoDB global table (CDK's `dynamodb.TableV2`): on-demand, with a replica in the stack's region and
/// one per region in `replicaRegions`, each with point-in-time recovery when asked. Retained when the stack
/// is deleted, as CDK. Replicas elsewhere need the stack's region to be known (`Stack(region:)`).
///
/// ```swift
/// TableV2("Carts", partitionKey: .string("cartId"), replicaRegions: ["us-east-1"], pointInTimeRecovery: true)
/// ```
public struct TableV2: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    public var partitionKey: Table.Attribute
    public var sortKey: Table.Attribute?
    public var tableName: String?
    public var replicaRegions: [String]
    public var pointInTimeRecovery: Bool?
    public var stream: Table.StreamView?
    public var timeToLiveAttribute: String?
    public var removalPolicy: RemovalPolicy

    public init(_ id: String, partitionKey: Table.Attribute, sortKey: Table.Attribute? = nil, tableName: String? = nil, replicaRegions: [String] = [],
                pointInTimeRecovery: Bool? = nil, stream: Table.StreamView? = nil, timeToLiveAttribute: String? = nil, removalPolicy: RemovalPolicy = .retain) {
        self.id = id
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.tableName = tableName
        self.replicaRegions = replicaRegions
        self.pointInTimeRecovery = pointInTimeRecovery
        self.stream = stream
        self.timeToLiveAttribute = timeToLiveAttribute
        self.removalPolicy = removalPolicy
    }

    /// `{"Ref": table}`: the table name.
    public var name: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The table's ARN in the stack's region.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt("Arn"))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        let stackRegion = scope.stackRegion
        if !replicaRegions.isEmpty, stackRegion == nil {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "replicas in other regions need the stack's region; give the stack one (Stack(_:region:))")
        }
        if let stackRegion, replicaRegions.contains(stackRegion) {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "\(stackRegion) is the stack's region, which has a replica already; list only the other regions")
        }
        if Set(replicaRegions).count != replicaRegions.count {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a region is listed twice in replicaRegions")
        }
        let keys = [partitionKey] + (sortKey.map { [$0] } ?? [])
        var properties = OrderedDictionary<String, Value>()
        properties["AttributeDefinitions"] = .array(keys.map { ["AttributeName": .string($0.name), "AttributeType": .string($0.type.rawValue)] })
        properties["BillingMode"] = "PAY_PER_REQUEST"
        properties["KeySchema"] = .array(zip(keys, ["HASH", "RANGE"]).map { ["AttributeName": .string($0.name), "KeyType": .string($1)] })
        // CDK lists the other regions' replicas first, then the stack's.
        let regions: [Value] = replicaRegions.map { .string($0) } + [stackRegion.map { .string($0) } ?? Aws.region]
        properties["Replicas"] = .array(regions.map { region in
            var replica = OrderedDictionary<String, Value>()
            replica["PointInTimeRecoverySpecification"] = pointInTimeRecovery.map { ["PointInTimeRecoveryEnabled": .bool($0)] }
            replica["Region"] = region
            return .object(replica)
        })
        properties["StreamSpecification"] = stream.map { ["StreamViewType": .string($0.rawValue)] }
        properties["TableName"] = tableName.map { .string($0) }
        properties["TimeToLiveSpecification"] = timeToLiveAttribute.map { ["AttributeName": .string($0), "Enabled": true] }
        try scope.declareResource("AWS::DynamoDB::GlobalTable", properties: properties, removalPolicy: removalPolicy)
    }
}
