import FormworkCore
import Testing

@testable import FormworkAWS

/// The partition CDK writes as text in ARNs it formats, with `@aws-cdk/core:enablePartitionLiterals`, for a stack
/// that names its region.
@Suite struct FormatArnTests {
    @Test(arguments: [
        ("eu-west-1", "aws"), ("us-east-1", "aws"), ("ap-southeast-4", "aws"), ("il-central-1", "aws"), ("cn-north-1", "aws-cn"),
        ("cn-northwest-1", "aws-cn"), ("us-gov-west-1", "aws-us-gov"), ("us-iso-east-1", "aws-iso"), ("us-isob-east-1", "aws-iso-b"),
        ("eu-isoe-west-1", "aws-iso-e"), ("us-isof-south-1", "aws-iso-f"),
    ])
    func aRegionsPartitionComesFromItsName(region: String, partition: String) {
        #expect(ConstructScope.partition(ofRegion: region) == partition)
    }

    @Test(arguments: ["local", "EU-WEST-1", "eu-west", "mars-north-1"])
    func aNameOfNoKnownFormHasNoPartition(region: String) {
        #expect(ConstructScope.partition(ofRegion: region) == nil)
    }
}
