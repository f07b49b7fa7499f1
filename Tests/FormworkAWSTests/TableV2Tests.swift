import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct TableV2Tests {
    @Test func replicasNeedTheStacksRegionAndNoRegionTwice() {
        #expect { try synthesize { TableV2("T", partitionKey: .string("pk"), replicas: ["us-east-1"]) } } throws: {
            "\($0)".contains("need the stack's region")
        }
        #expect {
            _ = try App { Stack("S", region: "eu-west-1") { TableV2("T", partitionKey: .string("pk"), replicas: ["eu-west-1"]) } }.synthesize()
        } throws: { "\($0)".contains("has a replica already") }
    }

    @Test func aProvisionedGlobalTableAutoScalesItsWrites() {
        #expect {
            _ = try App {
                Stack("S", region: "eu-west-1") { TableV2("T", partitionKey: .string("pk"), billing: .provisioned(read: .fixed(5), write: .fixed(5))) }
            }.synthesize()
        } throws: { "\($0)".contains("write capacity must be auto-scaled") }
        #expect {
            _ = try App {
                Stack("S", region: "eu-west-1") { TableV2("T", partitionKey: .string("pk"), replicas: [.init("us-east-1", readCapacity: .fixed(5))]) }
            }.synthesize()
        } throws: { "\($0)".contains("needs a provisioned table") }
    }

    @Test func replicasNeedAStreamOfNewAndOldImages() {
        #expect {
            _ = try App { Stack("S", region: "eu-west-1") { TableV2("T", partitionKey: .string("pk"), replicas: ["us-east-1"], stream: .newImage) } }
                .synthesize()
        } throws: { "\($0)".contains("NEW_AND_OLD_IMAGES") }
    }
}
