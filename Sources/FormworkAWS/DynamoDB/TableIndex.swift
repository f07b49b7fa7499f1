import FormworkCore
import FormworkL1
import OrderedCollections

extension Table {
    /// A secondary index.
    public struct Index: Sendable, Hashable {
        /// Global indexes have keys of their own; local ones share the table's partition key.
        public enum Kind: Sendable, Hashable {
            /// An entry of `GlobalSecondaryIndexes`, with its own partition key and optional sort key.
            case global(partitionKey: Attribute, sortKey: Attribute?)
            /// An entry of `LocalSecondaryIndexes`: the table's partition key with this sort key; the table needs a sort key.
            case local(sortKey: Attribute)
        }

        /// Which attributes the index holds.
        public enum Projection: Sendable, Hashable {
            /// Every attribute of the item (`ProjectionType: ALL`).
            case all
            /// Only the table's and the index's key attributes (`ProjectionType: KEYS_ONLY`).
            case keysOnly
            /// The key attributes and these others (`ProjectionType: INCLUDE` with `NonKeyAttributes`).
            case include([String])
        }

        /// The index's name (`IndexName`): 3 to 255 letters, digits, `_`, `-` or `.`, unique within the table.
        public var name: String
        /// Whether the index is global or local, and its keys (`KeySchema`).
        public var kind: Kind
        /// Which attributes the index holds (`Projection`); ``Projection/all`` unless given.
        public var projection: Projection

        /// A global secondary index.
        public static func global(_ name: String, partitionKey: Attribute, sortKey: Attribute? = nil, projection: Projection = .all) -> Index {
            Index(name: name, kind: .global(partitionKey: partitionKey, sortKey: sortKey), projection: projection)
        }

        /// A local secondary index.
        public static func local(_ name: String, sortKey: Attribute, projection: Projection = .all) -> Index {
            Index(name: name, kind: .local(sortKey: sortKey), projection: projection)
        }

        var keyAttributes: [Attribute] {
            switch kind {
            case .global(let partitionKey, let sortKey): [partitionKey] + (sortKey.map { [$0] } ?? [])
            case .local(let sortKey): [sortKey]
            }
        }

        var projectionValue: CfnDynamoDB.Table.Projection {
            switch projection {
            case .all: CfnDynamoDB.Table.Projection(projectionType: "ALL")
            case .keysOnly: CfnDynamoDB.Table.Projection(projectionType: "KEYS_ONLY")
            case .include(let attributes): CfnDynamoDB.Table.Projection(nonKeyAttributes: .array(attributes.map { .string($0) }), projectionType: "INCLUDE")
            }
        }
    }

    /// Server-side encryption of the table.
    public enum Encryption: Sendable, Equatable {
        /// Encrypted with a key DynamoDB owns (the default; no setting written).
        case awsOwned
        /// Encrypted with the AWS managed key (`SSEEnabled: true`).
        case awsManaged
        /// Encrypted with a customer key.
        case customerManaged(keyArn: Value)
    }

    /// `KeySchema` entries for `keys`: the first the HASH key, the second the RANGE key.
    static func keySchema(_ keys: [Attribute]) -> [CfnDynamoDB.Table.KeySchema] {
        zip(keys, ["HASH", "RANGE"]).map { CfnDynamoDB.Table.KeySchema(attributeName: .string($0.name), keyType: .string($1)) }
    }

    /// Every key attribute of the table and its indexes, each once, in order.
    var attributeDefinitions: [CfnDynamoDB.Table.AttributeDefinition] {
        var seen = OrderedDictionary<String, AttributeType>()
        for attribute in [partitionKey] + (sortKey.map { [$0] } ?? []) + indexes.flatMap(\.keyAttributes) where seen[attribute.name] == nil {
            seen[attribute.name] = attribute.type
        }
        return seen.map { CfnDynamoDB.Table.AttributeDefinition(attributeName: .string($0.key), attributeType: .string($0.value.rawValue)) }
    }

    /// `GlobalSecondaryIndexes` and `LocalSecondaryIndexes`.
    func indexProperties() -> (global: [CfnDynamoDB.Table.GlobalSecondaryIndex]?, local: [CfnDynamoDB.Table.LocalSecondaryIndex]?) {
        var global: [CfnDynamoDB.Table.GlobalSecondaryIndex] = []
        var local: [CfnDynamoDB.Table.LocalSecondaryIndex] = []
        for index in indexes {
            switch index.kind {
            case .global:
                var entry = CfnDynamoDB.Table.GlobalSecondaryIndex(
                    indexName: .string(index.name), keySchema: Self.keySchema(index.keyAttributes), projection: index.projectionValue)
                if case .provisioned(let read, let write) = billing {
                    entry.provisionedThroughput = CfnDynamoDB.Table.ProvisionedThroughput(
                        readCapacityUnits: .number(Double(read)), writeCapacityUnits: .number(Double(write)))
                }
                global.append(entry)
            case .local(let sortKey):
                local.append(
                    CfnDynamoDB.Table.LocalSecondaryIndex(
                        indexName: .string(index.name), keySchema: .array(Self.keySchema([partitionKey, sortKey]).map(\.templateValue)),
                        projection: index.projectionValue))
            }
        }
        return (global.isEmpty ? nil : global, local.isEmpty ? nil : local)
    }

    /// Fails on what DynamoDB rejects: local indexes without a sort key on the table, more than 5 local or
    /// 20 global indexes, two indexes with one name.
    func validateIndexes(at scope: ConstructScope) throws(SynthesisError) {
        let locals = indexes.filter { if case .local = $0.kind { true } else { false } }
        if !locals.isEmpty, sortKey == nil {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a local secondary index needs a table with a sort key")
        }
        try PropertyChecks.check(locals.count, in: 0...5, "the number of local secondary indexes", at: scope)
        try PropertyChecks.check(indexes.count - locals.count, in: 0...20, "the number of global secondary indexes", at: scope)
        var names = Set<String>()
        for index in indexes where !names.insert(index.name).inserted {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "two indexes are named '\(index.name)'")
        }
    }
}
