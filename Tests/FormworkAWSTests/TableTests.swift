import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct TableTests {
    @Test func aTableIsProvisionedAtFiveUnitsAndRetainedByDefault() throws {
        let table = try #require(try synthesize { Table("T", partitionKey: .string("pk"), sortKey: .number("sk")) }.resources.values.first)
        #expect(
            table.properties == [
                "AttributeDefinitions": [["AttributeName": "pk", "AttributeType": "S"], ["AttributeName": "sk", "AttributeType": "N"]],
                "KeySchema": [["AttributeName": "pk", "KeyType": "HASH"], ["AttributeName": "sk", "KeyType": "RANGE"]],
                "ProvisionedThroughput": ["ReadCapacityUnits": 5, "WriteCapacityUnits": 5],
            ])
        #expect(table.deletionPolicy == "Retain")
    }

    @Test func streamReadGrantsListStreamsAndTheStreamActionsOnTheStreamArn() throws {
        let table = Table("T", partitionKey: .string("pk"), billing: .onDemand, stream: .newImage)
        let function = inlineFunction("Fn")
        let template = try synthesize {
            table
            function
            table.grant(.streamRead, to: function)
        }
        let statements = try #require(template.resources.values.first { $0.type == "AWS::IAM::Policy" }?.properties["PolicyDocument"]?["Statement"])
        let tableId = logicalId("T/Resource")
        #expect(
            statements == [
                ["Action": "dynamodb:ListStreams", "Effect": "Allow", "Resource": "*"],
                [
                    "Action": ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], "Effect": "Allow",
                    "Resource": .getAtt(tableId, "StreamArn"),
                ],
            ])
    }

    @Test func aGrantGivenTwiceIsWrittenOnce() throws {
        let table = Table("T", partitionKey: .string("pk"))
        let function = inlineFunction("Fn")
        let template = try synthesize {
            table
            function
            table.grant(.write, to: function)
            Group("Again") { table.grant(.write, to: function) }
        }
        let statements = template.resources.values.first { $0.type == "AWS::IAM::Policy" }?.properties["PolicyDocument"]?["Statement"]
        #expect(statements?.arrayValue?.count == 1)
    }
}

@Suite struct TableIndexTests {
    @Test func indexesAddTheirKeysToTheAttributeDefinitionsOnce() throws {
        let table = try #require(
            try synthesize {
                Table(
                    "T", partitionKey: .string("pk"), sortKey: .string("sk"), billing: .onDemand,
                    indexes: [
                        .global("ByCustomer", partitionKey: .string("customerId"), sortKey: .string("sk")),
                        .local("ByDate", sortKey: .number("createdAt"), projection: .keysOnly),
                    ])
            }.resources[logicalId("T/Resource")])
        #expect(
            table.properties["AttributeDefinitions"]?.arrayValue?.compactMap { $0["AttributeName"]?.stringValue } == ["pk", "sk", "customerId", "createdAt"])
        #expect(
            table.properties["GlobalSecondaryIndexes"] == [
                [
                    "IndexName": "ByCustomer",
                    "KeySchema": [["AttributeName": "customerId", "KeyType": "HASH"], ["AttributeName": "sk", "KeyType": "RANGE"]],
                    "Projection": ["ProjectionType": "ALL"],
                ]
            ])
        #expect(
            table.properties["LocalSecondaryIndexes"]?.arrayValue?.first?["KeySchema"]
                == [["AttributeName": "pk", "KeyType": "HASH"], ["AttributeName": "createdAt", "KeyType": "RANGE"]])
    }

    @Test func grantsOnATableWithIndexesCoverTheIndexes() throws {
        let table = Table("T", partitionKey: .string("pk"), billing: .onDemand, indexes: [.global("ByGroup", partitionKey: .string("g"))])
        let function = inlineFunction("Fn")
        let template = try synthesize {
            table
            function
            table.grant(.read, to: function)
        }
        let resources = template.resources.values.first { $0.type == "AWS::IAM::Policy" }?.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first?[
            "Resource"]
        let arn: JSONValue = .getAtt(logicalId("T/Resource"), "Arn")
        #expect(resources == [arn, .join("", [arn, "/index/*"])])
    }

    @Test func aLocalIndexNeedsATableSortKey() {
        let error = synthesisError { Table("T", partitionKey: .string("pk"), indexes: [.local("L", sortKey: .string("x"))]) }
        #expect(error?.message == "a local secondary index needs a table with a sort key")
    }

    @Test func customerManagedEncryptionNamesTheKey() throws {
        let table = try #require(
            try synthesize {
                Table("T", partitionKey: .string("pk"), encryption: .customerManaged(keyArn: "arn:aws:kms:us-east-1:123456789012:key/1"))
            }.resources.values.first)
        #expect(table.properties["SSESpecification"] == ["KMSMasterKeyId": "arn:aws:kms:us-east-1:123456789012:key/1", "SSEEnabled": true, "SSEType": "KMS"])
    }
}
