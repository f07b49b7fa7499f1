import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

/// What the DynamoDB metric helpers write beyond the parity cases: the metrics CDK offers only as a math
/// expression over operations, and the account-level one.
@Suite struct DynamoDBMetricTests {
    @Test func systemErrorsOfAnOperationAreSummedWithOperationAndTableDimensions() throws {
        let table = Table("Orders", partitionKey: .string("pk"))
        let metric = table.metric(.systemErrors(.putItem))
        #expect(metric.name == "SystemErrors")
        #expect(metric.statistic == .sum)
        #expect(metric.dimensions.map(\.name) == ["Operation", "TableName"])
        #expect(metric.dimensions.first?.value == "PutItem")
    }

    @Test func userErrorsHaveNoDimensionBecauseDynamoDBReportsThemPerAccount() {
        #expect(TableV2("Orders", partitionKey: .string("pk")).metric(.userErrors).dimensions.isEmpty)
    }
}
