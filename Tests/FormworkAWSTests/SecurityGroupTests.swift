import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct SecurityGroupTests {
    @Test func egressRulesOnAnOpenGroupAreRefused() {
        #expect {
            try synthesize { SecurityGroup("G", vpcId: "vpc-0abc1234", egress: [.init(.anyIPv4, .tcp(443))]) }
        } throws: { "\($0)".contains("set allowAllOutbound: false") }
    }

    @Test func aPortRangeOutsideTCPIsRefused() {
        #expect {
            try synthesize { SecurityGroup("G", vpcId: "vpc-0abc1234", ingress: [.init(.anyIPv4, .tcpRange(9000, 70_000))]) }
        } throws: { "\($0)".contains("not within 0-65535") }
    }

    @Test func aFunctionInAVPCGetsTheVPCPolicyAndItsOwnGroup() throws {
        let template = try synthesize {
            Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline("x"), vpc: .init(vpcId: "vpc-0abc1234", subnetIds: ["subnet-1"]))
        }
        #expect(template.resources[logicalId("Fn/SecurityGroup/Resource")]?.type == "AWS::EC2::SecurityGroup")
        let role = try #require(template.resources[logicalId("Fn/ServiceRole/Resource")])
        #expect(role.properties["ManagedPolicyArns"]?.arrayValue?.count == 2)
        #expect {
            try synthesize {
                Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline("x"), vpc: .init(vpcId: "vpc-0abc1234", subnetIds: []))
            }
        } throws: { "\($0)".contains("at least one subnet") }
    }
}
