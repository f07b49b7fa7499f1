import FormworkCore

/// A DynamoDB operation, as the `Operation` dimension of DynamoDB's metrics names it (CDK's `dynamodb.Operation`).
public enum DynamoDBOperation: String, Sendable, CaseIterable {
    /// `GetItem`.
    case getItem = "GetItem"
    /// `BatchGetItem`.
    case batchGetItem = "BatchGetItem"
    /// `Scan`.
    case scan = "Scan"
    /// `Query`.
    case query = "Query"
    /// `GetRecords` (of the table's stream).
    case getRecords = "GetRecords"
    /// `PutItem`.
    case putItem = "PutItem"
    /// `DeleteItem`.
    case deleteItem = "DeleteItem"
    /// `UpdateItem`.
    case updateItem = "UpdateItem"
    /// `BatchWriteItem`.
    case batchWriteItem = "BatchWriteItem"
    /// `TransactWriteItems`.
    case transactWriteItems = "TransactWriteItems"
    /// `TransactGetItems`.
    case transactGetItems = "TransactGetItems"
    /// `ExecuteTransaction`.
    case executeTransaction = "ExecuteTransaction"
    /// `BatchExecuteStatement`.
    case batchExecuteStatement = "BatchExecuteStatement"
    /// `ExecuteStatement`.
    case executeStatement = "ExecuteStatement"
}

/// DynamoDB table metrics (`AWS/DynamoDB`), with the statistic CDK uses for each; the ones DynamoDB reports per
/// operation name it.
public enum DynamoDBMetric: Sendable, Hashable {
    /// Read capacity units used (`ConsumedReadCapacityUnits`); summed.
    case consumedReadCapacityUnits
    /// Write capacity units used (`ConsumedWriteCapacityUnits`); summed.
    case consumedWriteCapacityUnits
    /// Time of the successful requests of an operation, in milliseconds (`SuccessfulRequestLatency`); averaged.
    case successfulRequestLatency(DynamoDBOperation)
    /// Requests refused for throughput, of one operation (`ThrottledRequests`); summed.
    case throttledRequests(DynamoDBOperation)
    /// Conditional writes whose condition failed (`ConditionalCheckFailedRequests`); summed.
    case conditionalCheckFailedRequests
    /// Requests of an operation that failed with a server error (`SystemErrors`); summed.
    case systemErrors(DynamoDBOperation)
    /// Requests refused as invalid, for the whole account and region (`UserErrors`, no dimension); summed.
    case userErrors

    /// The metric's name.
    var name: String {
        switch self {
        case .consumedReadCapacityUnits: "ConsumedReadCapacityUnits"
        case .consumedWriteCapacityUnits: "ConsumedWriteCapacityUnits"
        case .successfulRequestLatency: "SuccessfulRequestLatency"
        case .throttledRequests: "ThrottledRequests"
        case .conditionalCheckFailedRequests: "ConditionalCheckFailedRequests"
        case .systemErrors: "SystemErrors"
        case .userErrors: "UserErrors"
        }
    }

    /// The metric of the table named `tableName`: its dimensions in name order, as CDK writes them.
    func metric(tableName: Value, statistic: Metric.Statistic?, period: Duration?) -> Metric {
        let dimensions: [(name: String, value: Value)]
        var usual = Metric.Statistic.sum
        switch self {
        case .userErrors:
            dimensions = []
        case .successfulRequestLatency(let operation):
            dimensions = [("Operation", .string(operation.rawValue)), ("TableName", tableName)]
            usual = .average
        case .throttledRequests(let operation), .systemErrors(let operation):
            dimensions = [("Operation", .string(operation.rawValue)), ("TableName", tableName)]
        case .consumedReadCapacityUnits, .consumedWriteCapacityUnits, .conditionalCheckFailedRequests:
            dimensions = [("TableName", tableName)]
        }
        return .of("AWS/DynamoDB", name, dimensions: dimensions, usual: usual, statistic: statistic, period: period)
    }
}

extension Table {
    /// A metric of this table (`AWS/DynamoDB`, dimension `TableName`, and `Operation` where the metric has one), as
    /// CDK's `Table.metric…` writes it.
    ///
    /// - Parameters:
    ///   - statistic: instead of CDK's statistic for the metric.
    ///   - period: instead of five minutes.
    public func metric(_ metric: DynamoDBMetric, statistic: Metric.Statistic? = nil, period: Duration? = nil) -> Metric {
        metric.metric(tableName: name, statistic: statistic, period: period)
    }
}

extension TableV2 {
    /// A metric of this table (`AWS/DynamoDB`, dimension `TableName`, and `Operation` where the metric has one), as
    /// CDK's `TableV2.metric…` writes it.
    ///
    /// - Parameters:
    ///   - statistic: instead of CDK's statistic for the metric.
    ///   - period: instead of five minutes.
    public func metric(_ metric: DynamoDBMetric, statistic: Metric.Statistic? = nil, period: Duration? = nil) -> Metric {
        metric.metric(tableName: name, statistic: statistic, period: period)
    }
}
