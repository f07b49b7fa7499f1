import FormworkCore
import FormworkL1
import OrderedCollections

extension TableV2 {
    /// A replica of a global table in another region, with the settings that may differ from the table's
    /// (CDK's `ReplicaTableProps`); a region name alone (`"us-east-1"`) is a replica with the table's settings.
    public struct Replica: Sendable, ExpressibleByStringLiteral {
        /// The replica's region (`Region`), such as `us-east-1`; not the stack's own, which always has a replica.
        public var region: String
        /// Whether the replica refuses deletion (`DeletionProtectionEnabled`); the table's setting when `nil`.
        public var deletionProtection: Bool?
        /// Whether Contributor Insights is on for the replica (`ContributorInsightsSpecification`); the table's setting
        /// when `nil`.
        public var contributorInsights: Bool?
        /// Whether the replica has continuous backups (`PointInTimeRecoverySpecification`); the table's setting when `nil`.
        public var pointInTimeRecovery: Bool?
        /// The replica's storage class (`TableClass`); the table's setting when `nil`.
        public var tableClass: TableClass?
        /// The replica's read capacity, for a provisioned table; the table's when `nil`.
        public var readCapacity: Capacity?

        /// A replica in `region`; every setting left `nil` takes the table's.
        public init(
            _ region: String, deletionProtection: Bool? = nil, contributorInsights: Bool? = nil, pointInTimeRecovery: Bool? = nil,
            tableClass: TableClass? = nil, readCapacity: Capacity? = nil
        ) {
            self.region = region
            self.deletionProtection = deletionProtection
            self.contributorInsights = contributorInsights
            self.pointInTimeRecovery = pointInTimeRecovery
            self.tableClass = tableClass
            self.readCapacity = readCapacity
        }

        public init(stringLiteral region: String) {
            self.init(region)
        }
    }

    /// The storage class of a table's replicas.
    public enum TableClass: String, Sendable {
        /// The default class, for data read and written often (`STANDARD`).
        case standard = "STANDARD"
        /// Cheaper storage and dearer reads and writes, for data seldom used (`STANDARD_INFREQUENT_ACCESS`).
        case standardInfrequentAccess = "STANDARD_INFREQUENT_ACCESS"
    }

    /// How a global table is billed (CDK's `Billing`).
    public enum Billing: Sendable {
        /// Per request.
        case onDemand
        /// Provisioned capacity; the write capacity of a global table must be auto-scaled.
        case provisioned(read: Capacity, write: Capacity)
    }

    /// Provisioned capacity units, fixed or auto-scaled (CDK's `Capacity`).
    public enum Capacity: Sendable {
        /// A fixed number of capacity units (`<Kind>CapacityUnits`), at least 1; not allowed for a global table's writes.
        case fixed(Int)
        /// Kept between `min` and `max` at `targetUtilization` percent (70 unless given, as in CDK).
        case autoscaled(min: Int = 1, max: Int, targetUtilization: Int = 70)

        /// `{ReadCapacityUnits}` or `{ReadCapacityAutoScalingSettings}`, as the global table writes them.
        var readSettings: CfnDynamoDB.GlobalTable.ReadProvisionedThroughputSettings {
            switch self {
            case .fixed(let units): CfnDynamoDB.GlobalTable.ReadProvisionedThroughputSettings(readCapacityUnits: .number(Double(units)))
            case .autoscaled: CfnDynamoDB.GlobalTable.ReadProvisionedThroughputSettings(readCapacityAutoScalingSettings: autoScalingSettings)
            }
        }

        /// `{WriteCapacityAutoScalingSettings}`, as the global table writes them; a global table's write capacity is
        /// always auto-scaled (validated before), so a fixed one writes an empty object.
        var writeSettings: CfnDynamoDB.GlobalTable.WriteProvisionedThroughputSettings {
            CfnDynamoDB.GlobalTable.WriteProvisionedThroughputSettings(writeCapacityAutoScalingSettings: autoScalingSettings)
        }

        /// `MaxCapacity`, `MinCapacity` and the target utilization of an auto-scaled capacity; `nil` for a fixed one.
        private var autoScalingSettings: CfnDynamoDB.GlobalTable.CapacityAutoScalingSettings? {
            guard case .autoscaled(let min, let max, let target) = self else { return nil }
            return CfnDynamoDB.GlobalTable.CapacityAutoScalingSettings(
                maxCapacity: .number(Double(max)), minCapacity: .number(Double(min)),
                targetTrackingScalingPolicyConfiguration: CfnDynamoDB.GlobalTable.TargetTrackingScalingPolicyConfiguration(
                    targetValue: .number(Double(target))))
        }

        func validate(_ setting: String, at scope: ConstructScope) throws(SynthesisError) {
            switch self {
            case .fixed(let units):
                try PropertyChecks.check(units, in: 1...Int.max, setting, at: scope)
            case .autoscaled(let min, let max, let target):
                try PropertyChecks.check(min, in: 1...Swift.max(1, max), "\(setting) minimum", at: scope)
                try PropertyChecks.check(target, in: 20...90, "\(setting) target utilization", unit: " %", at: scope)
            }
        }
    }

    /// A replica's entry in `Replicas`: its own settings, else the table's (the stack's own replica, `nil`,
    /// has only the table's).
    func replicaValue(_ replica: Replica?, region: Value) -> CfnDynamoDB.GlobalTable.ReplicaSpecification {
        var value = CfnDynamoDB.GlobalTable.ReplicaSpecification(
            contributorInsightsSpecification: (replica?.contributorInsights ?? contributorInsights).map {
                CfnDynamoDB.GlobalTable.ContributorInsightsSpecification(enabled: .bool($0))
            },
            deletionProtectionEnabled: (replica?.deletionProtection ?? deletionProtection).map { .bool($0) },
            pointInTimeRecoverySpecification: (replica?.pointInTimeRecovery ?? pointInTimeRecovery).map {
                CfnDynamoDB.GlobalTable.PointInTimeRecoverySpecification(pointInTimeRecoveryEnabled: .bool($0))
            },
            region: region,
            tableClass: (replica?.tableClass ?? tableClass).map { .string($0.rawValue) })
        if case .provisioned(let read, _) = billing { value.readProvisionedThroughputSettings = (replica?.readCapacity ?? read).readSettings }
        return value
    }
}
