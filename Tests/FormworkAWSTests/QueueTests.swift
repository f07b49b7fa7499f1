import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct QueueTests {
    @Test func aQueueWithDefaultsHasNoPropertiesAndIsDeletedWithTheStack() throws {
        let queue = try #require(try synthesize { Queue("Q") }.resources[logicalId("Q/Resource")])
        #expect(queue.properties.isEmpty)
        #expect(queue.deletionPolicy == "Delete")
        #expect(queue.updateReplacePolicy == "Delete")
    }

    @Test func queueWithDeadLetterQueueSetsRedrivePolicyAndDurationsInSeconds() throws {
        let template = try synthesize {
            let dlq = Queue("DLQ", retention: .days(14))
            Queue("Work", visibilityTimeout: .minutes(5), deliveryDelay: .seconds(10), deadLetter: .init(queue: dlq, maxReceiveCount: 3))
        }
        let work = try #require(template.resources[logicalId("Work/Resource")])
        #expect(
            work.properties == [
                "DelaySeconds": 10,
                "RedrivePolicy": ["deadLetterTargetArn": .getAtt(logicalId("DLQ/Resource"), "Arn"), "maxReceiveCount": 3],
                "VisibilityTimeout": 300,
            ])
    }

    @Test func fifoIsImpliedByFifoOnlySettings() throws {
        let template = try synthesize { Queue("Ordered", fifoThroughputLimit: .perMessageGroupId) }
        #expect(template.resources.values.first?.properties["FifoQueue"] == true)
    }

    @Test func aFifoQueueWithAStandardDeadLetterQueueIsAnError() {
        let error = synthesisError {
            let dlq = Queue("DLQ")
            Queue("Ordered", deadLetter: .init(queue: dlq, maxReceiveCount: 3), fifo: true)
        }
        #expect(error?.code == .invalidSetting)
        #expect(error?.paths == ["Test/Ordered"])
        #expect(error?.message.contains("needs a FIFO dead-letter queue") == true)
    }

    @Test func outOfRangeRetentionNamesTheAllowedRange() {
        let error = synthesisError { Queue("Q", retention: .days(15)) }
        #expect(error?.message == "retention must be between 60 and 1209600 s; it is 1296000 s")
    }

    @Test func enforceSSLAddsAQueuePolicyDenyingInsecureTransport() throws {
        let template = try synthesize { Queue("Q", enforceSSL: true) }
        let policy = try #require(template.resources.values.first { $0.type == "AWS::SQS::QueuePolicy" })
        let statement = policy.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first
        #expect(statement?["Effect"] == "Deny")
        #expect(statement?["Condition"] == ["Bool": ["aws:SecureTransport": "false"]])
        #expect(template.resources.keys.contains(logicalId("Q/Policy/Resource")))
    }

    @Test func encryptionSettingsMapToCloudFormation() throws {
        let template = try synthesize {
            Queue("A", encryption: .sqsManaged)
            Queue("B", encryption: .kmsManaged)
        }
        let properties = template.resources.values.map(\.properties)
        #expect(properties == [["SqsManagedSseEnabled": true], ["KmsMasterKeyId": "alias/aws/sqs"]])
    }
}

@Suite struct QueueKeyTests {
    @Test func aQueueWithACustomerKeyGrantsTheKeyActionsWithTheQueueActions() throws {
        let key = Key("OrdersKey")
        let queue = Queue("Orders", encryption: .kms(key))
        let function = inlineFunction("Sender")
        let template = try synthesize {
            queue
            function
            queue.grant(.send, to: function)
        }
        let keyArn: JSONValue = .getAtt(logicalId("OrdersKey/Resource"), "Arn")
        #expect(template.resources[logicalId("Orders/Resource")]?.properties["KmsMasterKeyId"] == keyArn)
        let statements = template.resources[logicalId("Sender/ServiceRole/DefaultPolicy/Resource")]?.properties["PolicyDocument"]?["Statement"]?.arrayValue
        #expect(
            statements?.last == ["Action": ["kms:Decrypt", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"], "Effect": "Allow", "Resource": keyArn])
        let keyResource = try #require(template.resources[logicalId("OrdersKey/Resource")])
        #expect(keyResource.properties["EnableKeyRotation"] == true)
        #expect(keyResource.deletionPolicy == "Retain")
    }
}
