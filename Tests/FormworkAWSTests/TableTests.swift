import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct TableTests {
    @Test func aTableIsProvisionedAtFiveUnitsAndRetainedByDefault() throws {
        let table = try #require(try synthesize { Table("T", partitionKey: .string("pk"), sortKey: .number("sk")) }.resources.values.first)
        #expect(table.properties == [
            "AttributeDefinitions": [["AttributeName": "pk", "AttributeType": "S"], ["AttributeName": "sk", "AttributeType": "N"]],
            "KeySchema": [["AttributeName": "pk", "KeyType": "HASH"], ["AttributeName": "sk", "KeyType": "RANGE"]],
            "ProvisionedThroughput": ["ReadCapacityUnits": 5, "WriteCapacityUnits": 5],
        ])
        #expect(table.deletionPolicy == "Retain")
    }

    @Test func streamReadGrantsListStreamsAndTheStreamActionsOnTheStreamArn() throws {
        let table = Table("T", partitionKey: .string("pk"), billing: .onDemand, stream: .newImage)
        let function = inlineFunction("Fn")
        let template = try synthesize { table; function; table.grant(.streamRead, to: function) }
        let statements = try #require(template.resources.values.first { $0.type == "AWS::IAM::Policy" }?.properties["PolicyDocument"]?["Statement"])
        let tableId = logicalId("T/Resource")
        #expect(statements == [
            ["Action": "dynamodb:ListStreams", "Effect": "Allow", "Resource": "*"],
            ["Action": ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], "Effect": "Allow",
             "Resource": .getAtt(tableId, "StreamArn")],
        ])
    }

    @Test func aGrantGivenTwiceIsWrittenOnce() throws {
        let table = Table("T", partitionKey: .string("pk"))
        let function = inlineFunction("Fn")
        let template = try synthesize { table; function; table.grant(.write, to: function); Group("Again") { table.grant(.write, to: function) } }
        let statements = template.resources.values.first { $0.type == "AWS::IAM::Policy" }?.properties["PolicyDocument"]?["Statement"]
        #expect(statements?.arrayValue?.count == 1)
    }
}
