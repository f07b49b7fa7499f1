import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct TableV2Tests {
    /// The replicas of a table with one in us-east-1, in a stack in eu-west-1, as CDK 2.275 writes them
    /// (`dynamodb.TableV2(..., replicas=[ReplicaTableProps(region="us-east-1")], point_in_time_recovery=True)`).
    @Test func replicasComeBeforeTheStacksOwnRegionAsCDKListsThem() throws {
        let template = try App {
            Stack("Carts", region: "eu-west-1") {
                TableV2("Table", partitionKey: .string("pk"), replicaRegions: ["us-east-1"], pointInTimeRecovery: true)
            }
        }.synthesize().stacks[0].template
        let table = try #require(template.resources.values.first)
        #expect(table.type == "AWS::DynamoDB::GlobalTable")
        #expect(table.properties["Replicas"] == [
            ["PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true], "Region": "us-east-1"],
            ["PointInTimeRecoverySpecification": ["PointInTimeRecoveryEnabled": true], "Region": "eu-west-1"],
        ])
    }

    @Test func replicasNeedTheStacksRegionAndNoRegionTwice() {
        #expect { try synthesize { TableV2("T", partitionKey: .string("pk"), replicaRegions: ["us-east-1"]) } } throws: { "\($0)".contains("need the stack's region") }
        #expect {
            _ = try App { Stack("S", region: "eu-west-1") { TableV2("T", partitionKey: .string("pk"), replicaRegions: ["eu-west-1"]) } }.synthesize()
        } throws: { "\($0)".contains("has a replica already") }
    }
}
