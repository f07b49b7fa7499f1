import FormworkCore
import FormworkL1
import FormworkTemplate
import Testing

@Suite struct TypedResourceTests {
    @Test func typedPropertiesAreWrittenAlphabeticallyAtEveryLevelAndUnsetOnesAreLeftOut() throws {
        let template = try synthesize {
            Resource(
                "Queue",
                CfnSQS.Queue(delaySeconds: 5, tags: [.init(key: "team", value: "orders")], visibilityTimeout: 60))
        }
        let queue = try #require(template.resources[logicalId("Queue")])
        #expect(queue.type == "AWS::SQS::Queue")
        #expect(Array(queue.properties.keys) == ["DelaySeconds", "Tags", "VisibilityTimeout"])
        #expect(queue.properties["Tags"] == [["Key": "team", "Value": "orders"]])
    }

    @Test func requiredPropertiesAreInitializerParametersWithoutDefaults() throws {
        let template = try synthesize {
            Resource("Group", CfnEC2.SecurityGroup(groupDescription: "web servers"))
        }
        #expect(template.resources[logicalId("Group")]?.properties == ["GroupDescription": "web servers"])
    }

    @Test func nestedDefinitionsAreStructsOfTheirOwn() throws {
        var function = CfnLambda.Function(code: .init(zipFile: "exports.handler = async () => {}"), role: "arn:aws:iam::123456789012:role/r")
        function.environment = .init(variables: ["STAGE": "prod"])
        function.handler = "index.handler"
        function.runtime = "nodejs20.x"
        function.tracingConfig = .init(mode: "Active")
        let template = try synthesize { Resource("Fn", function) }
        let properties = try #require(template.resources[logicalId("Fn")]?.properties)
        #expect(properties["Code"] == ["ZipFile": "exports.handler = async () => {}"])
        #expect(properties["Environment"] == ["Variables": ["STAGE": "prod"]])
        #expect(properties["TracingConfig"] == ["Mode": "Active"])
    }

    @Test func attributesAreNamedByTheTypesAttributeEnum() throws {
        let template = try synthesize {
            let queue = Resource("Queue", CfnSQS.Queue())
            Output("QueueArn", value: queue.getAtt(CfnSQS.Queue.Attribute.arn))
        }
        #expect(template.outputs["QueueArn"]?.value == .getAtt("Queue", "Arn"))
    }

    /// `Generated/CfnEC2+VPC.swift` is what `Scripts/generate-l1 --type AWS::EC2::VPC` writes for an app (CI checks it is
    /// current): a type outside FormworkL1, generated into the target that names it.
    @Test func aTypeGeneratedOnDemandIsDeclaredAndReferencedLikeTheVendoredOnes() throws {
        let template = try synthesize {
            let vpc = Resource("Vpc", CfnEC2.VPC(cidrBlock: "10.0.0.0/16", enableDnsSupport: true))
            Resource("Group", CfnEC2.SecurityGroup(groupDescription: "web", vpcId: vpc.ref))
            Output("DefaultGroup", value: vpc.getAtt(CfnEC2.VPC.Attribute.defaultSecurityGroup))
        }
        #expect(template.resources[logicalId("Vpc")]?.properties == ["CidrBlock": "10.0.0.0/16", "EnableDnsSupport": true])
        #expect(template.resources[logicalId("Group")]?.properties["VpcId"] == .ref(logicalId("Vpc")))
        #expect(template.outputs["DefaultGroup"]?.value == .getAtt(logicalId("Vpc"), "DefaultSecurityGroup"))
    }
}
