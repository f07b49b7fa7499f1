import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct BucketTests {
    @Test func aBucketIsEncryptedPrivateTLSOnlyAndRetainedByDefault() throws {
        let template = try synthesize { Bucket("Data") }
        let bucket = try #require(template.resources[logicalId("Data/Resource")])
        #expect(bucket.properties["BucketEncryption"] == ["ServerSideEncryptionConfiguration": [["ServerSideEncryptionByDefault": ["SSEAlgorithm": "AES256"]]]])
        #expect(bucket.properties["PublicAccessBlockConfiguration"]?["RestrictPublicBuckets"] == true)
        #expect(bucket.deletionPolicy == "Retain")
        let policy = try #require(template.resources[logicalId("Data/Policy/Resource")])
        #expect(policy.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first?["Effect"] == "Deny")
    }

    @Test func notifyingAFunctionRoutesBucketEventsThroughEventBridgeWithoutACustomResource() throws {
        let bucket = Bucket("Data")
        let function = inlineFunction("Process")
        let template = try synthesize { bucket; function; bucket.notify(function, on: .objectCreated, prefix: "in/", suffix: ".csv") }
        #expect(!template.resources.values.contains { $0.type.hasPrefix("Custom::") })
        #expect(template.resources[logicalId("Data/Resource")]?.properties["NotificationConfiguration"]
            == ["EventBridgeConfiguration": ["EventBridgeEnabled": true]])
        let rule = try #require(template.resources.values.first { $0.type == "AWS::Events::Rule" })
        #expect(rule.properties["EventPattern"]?["detail"]?["object"] == ["key": [["prefix": "in/", "suffix": ".csv"]]])
        let permission = try #require(template.resources.values.first { $0.type == "AWS::Lambda::Permission" })
        #expect(permission.properties["Principal"] == "events.amazonaws.com")
    }

    @Test func notifyingAQueueLetsTheRuleSendToIt() throws {
        let bucket = Bucket("Data")
        let queue = Queue("Inbox")
        let template = try synthesize { bucket; queue; bucket.notify(queue, on: .objectDeleted) }
        let policy = try #require(template.resources.values.first { $0.type == "AWS::SQS::QueuePolicy" })
        #expect(policy.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first?["Principal"] == ["Service": "events.amazonaws.com"])
    }

    @Test func anUppercaseBucketNameIsAnError() {
        #expect(synthesisError { Bucket("Data", bucketName: "MyBucket") }?.code == .invalidSetting)
    }
}
