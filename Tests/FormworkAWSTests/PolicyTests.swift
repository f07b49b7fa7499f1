import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct PolicyTests {
    @Test func aPolicyIsNamedAfterItsLogicalIdAndAttachedToItsRoles() throws {
        let function = inlineFunction("Fn")
        let template = try synthesize {
            function
            Policy("ReadConfig", statements: [PolicyStatement(actions: ["ssm:GetParameter"], resources: ["*"])], roles: [function.role])
        }
        let policy = try #require(template.resources[logicalId("ReadConfig/Resource")])
        #expect(policy.properties["PolicyName"] == .string(logicalId("ReadConfig/Resource")))
        #expect(policy.properties["Roles"] == [.ref(logicalId("Fn/ServiceRole/Resource"))])
        #expect(
            policy.properties["PolicyDocument"] == [
                "Statement": [["Action": "ssm:GetParameter", "Effect": "Allow", "Resource": "*"]], "Version": "2012-10-17",
            ])
    }

    @Test func aPolicyWithoutRolesIsAnError() {
        let error = synthesisError { Policy("P", statements: [PolicyStatement(actions: ["s3:GetObject"], resources: ["*"])], roles: []) }
        #expect(error?.message == "a policy must be attached to at least one role")
    }

    @Test func aManagedPolicyIsAttachedByItsArn() throws {
        let readOrders = ManagedPolicy("ReadOrders", statements: [PolicyStatement(actions: ["dynamodb:GetItem"], resources: ["*"])])
        let template = try synthesize {
            readOrders
            Role("Analyst", assumedBy: "ec2.amazonaws.com", managedPolicyArns: [readOrders.arn])
        }
        #expect(template.resources[logicalId("Analyst/Resource")]?.properties["ManagedPolicyArns"] == [.ref(logicalId("ReadOrders/Resource"))])
    }

    @Test func bucketEventsToATopicAddATopicPolicyForEventBridge() throws {
        let bucket = Bucket("Data")
        let topic = Topic("Uploads")
        let template = try synthesize {
            bucket
            topic
            bucket.notify(topic, on: .objectCreated)
        }
        let policy = try #require(template.resources[logicalId("Uploads/Policy/Resource")])
        #expect(policy.type == "AWS::SNS::TopicPolicy")
        #expect(policy.properties["PolicyDocument"]?["Statement"]?.arrayValue?.first?["Action"] == "sns:Publish")
    }
}
