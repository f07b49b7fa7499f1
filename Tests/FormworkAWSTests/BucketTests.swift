import Foundation
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
        let template = try synthesize {
            bucket
            function
            bucket.notify(function, on: .objectCreated, prefix: "in/", suffix: ".csv")
        }
        #expect(!template.resources.values.contains { $0.type.hasPrefix("Custom::") })
        #expect(
            template.resources[logicalId("Data/Resource")]?.properties["NotificationConfiguration"]
                == ["EventBridgeConfiguration": ["EventBridgeEnabled": true]])
        let rule = try #require(template.resources.values.first { $0.type == "AWS::Events::Rule" })
        #expect(rule.properties["EventPattern"]?["detail"]?["object"] == ["key": [["prefix": "in/", "suffix": ".csv"]]])
        let permission = try #require(template.resources.values.first { $0.type == "AWS::Lambda::Permission" })
        #expect(permission.properties["Principal"] == "events.amazonaws.com")
    }

    @Test func oneFunctionCanBeNotifiedOfSeveralKeyFiltersAndEventsOfABucket() throws {
        let bucket = Bucket("Uploads")
        let function = inlineFunction("Fn")
        let template = try synthesize {
            bucket
            function
            bucket.notify(function, on: .objectCreated, suffix: ".jpg")
            bucket.notify(function, on: .objectCreated, suffix: ".png")
            bucket.notify(function, on: .objectDeleted)
        }
        let rules = template.resources.filter { $0.value.type == "AWS::Events::Rule" }
        #expect(rules.count == 3)
        func suffix(_ rule: Template.Resource?) -> JSONValue? { rule?.properties["EventPattern"]?["detail"]?["object"]?["key"]?.arrayValue?.first?["suffix"] }
        let suffixes = rules.values.compactMap(suffix)
        #expect(Set(suffixes) == [".jpg", ".png"])
        // The first rule of an event keeps the logical ID it had when it was the only one.
        let alone = try synthesize {
            bucket
            function
            bucket.notify(function, on: .objectCreated, suffix: ".jpg")
        }
        let first = try #require(alone.resources.first { $0.value.type == "AWS::Events::Rule" }?.key)
        #expect(suffix(rules[first]) == ".jpg")
    }

    @Test func notifyingAQueueLetsTheRuleSendToIt() throws {
        let bucket = Bucket("Data")
        let queue = Queue("Inbox")
        let template = try synthesize {
            bucket
            queue
            bucket.notify(queue, on: .objectDeleted)
        }
        let policy = try #require(template.resources.values.first { $0.type == "AWS::SQS::QueuePolicy" })
        #expect(policy.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first?["Principal"] == ["Service": "events.amazonaws.com"])
    }

    /// CDK's handler, recorded by Scripts/s3-notifications/delete_path.py: deleting CDK's custom resource on a bucket
    /// of the stack empties the bucket's notification configuration, EventBridge included. So under the CDK profile
    /// Formwork never replaces that resource with the bucket's own EventBridge setting: it writes CDK's, at CDK's
    /// logical IDs, and a migration deletes nothing.
    @Test func underTheCDKProfileNotificationsKeepCDKsCustomResourceWhoseDeleteWouldDropEventBridge() throws {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/s3-notifications-delete.json")
        let recorded = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let conclusion = try #require(recorded["conclusion"] as? [String: Bool])
        #expect(conclusion["managedDeleteKeepsEventBridge"] == false)
        #expect(conclusion["formworkKeepsTheCustomResourceUnderTheCdkProfile"] == true)

        let bucket = Bucket("Data", eventBridgeEnabled: true)
        let function = inlineFunction("Process")
        let template = try App(defaults: .cdk) {
            Stack("Test") {
                bucket
                function
                bucket.notify(function, on: .objectCreated, prefix: "in/")
            }
        }.synthesize().stacks[0].template
        let notifications = try #require(template.resources[logicalId("Data/Notifications/Resource")])
        #expect(notifications.type == "Custom::S3BucketNotifications")
        #expect(notifications.properties["Managed"] == true)
        #expect(notifications.properties["NotificationConfiguration"]?["EventBridgeConfiguration"] == [:])
        #expect(
            notifications.properties["NotificationConfiguration"]?["LambdaFunctionConfigurations"]?.arrayValue?.first?["Filter"]
                == ["Key": ["FilterRules": [["Name": "prefix", "Value": "in/"]]]])
        let bucketResource = try #require(template.resources[logicalId("Data/Resource")])
        #expect(bucketResource.properties["NotificationConfiguration"] == nil)
        #expect(template.resources["BucketNotificationsHandler050a0587b7544547bf325f094a3db8347ECC3691"]?.type == "AWS::Lambda::Function")
        #expect(!template.resources.values.contains { $0.type == "AWS::Events::Rule" })
        let permission = try #require(template.resources.values.first { $0.type == "AWS::Lambda::Permission" })
        #expect(permission.properties["Principal"] == "s3.amazonaws.com")
    }

    @Test func underTheFormworkProfileEventBridgeEnabledIsTheBucketsOwnSetting() throws {
        let template = try synthesize { Bucket("Data", eventBridgeEnabled: true) }
        #expect(
            template.resources[logicalId("Data/Resource")]?.properties["NotificationConfiguration"]
                == ["EventBridgeConfiguration": ["EventBridgeEnabled": true]])
        #expect(!template.resources.values.contains { $0.type.hasPrefix("Custom::") })
    }

    @Test func anUppercaseBucketNameIsAnError() {
        #expect(synthesisError { Bucket("Data", bucketName: "MyBucket") }?.code == .invalidSetting)
    }
}
