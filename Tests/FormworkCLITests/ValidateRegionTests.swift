import Foundation
import FormworkCLI
import FormworkTestSupport
import Testing

/// `validate --region`: the region's own resource types and instance types, from cfn-lint's per-region data.
@Suite struct ValidateRegionTests {
    func run(_ arguments: [String]) -> CommandRunner.Result {
        CommandRunner.run(arguments, root: FormworkTool.self)
    }

    static let template = """
        Resources:
          Pipe:
            Type: AWS::Pipes::Pipe
            Properties:
              RoleArn: arn:aws:iam::123456789012:role/pipe
              Source: arn:aws:sqs:eu-west-1:123456789012:source
              Target: arn:aws:sqs:eu-west-1:123456789012:target
          Cache:
            Type: AWS::ElastiCache::CacheCluster
            Properties:
              CacheNodeType: cache.c7gn.12xlarge
              Engine: redis
              NumCacheNodes: 1
        """

    @Test func withoutARegionAnyRegionsTypesAndValuesPass() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(Self.template, to: "app.yaml")
        #expect(run(["validate", file]).status == .done)
    }

    @Test func withoutARegionAValueNoRegionOffersIsAnError() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(Self.template.replacingOccurrences(of: "cache.c7gn.12xlarge", with: "cache.c7gn.13xlarge"), to: "app.yaml")
        let result = run(["validate", file])
        #expect(result.status == .badInput)
        #expect(
            result.output.standardError.contains(
                "error[enum]: Resources.Cache.Properties.CacheNodeType: 'cache.c7gn.13xlarge' is not one of the allowed values"))
    }

    @Test func aTypeTheRegionDoesNotHaveIsAnErrorThere() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(Self.template, to: "app.yaml")
        let result = run(["validate", "--region", "ap-east-2", file])
        #expect(result.status == .badInput)
        #expect(result.output.standardError.contains("\(file):3:5: error[region]: Resources.Pipe.Type: AWS::Pipes::Pipe is not available in ap-east-2"))
    }

    @Test func anInstanceTypeTheRegionDoesNotOfferIsAnErrorThere() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(Self.template, to: "app.yaml")
        let result = run(["validate", "--region", "af-south-1", file])
        #expect(result.status == .badInput)
        #expect(
            result.output.standardError.contains(
                "error[enum]: Resources.Cache.Properties.CacheNodeType: 'cache.c7gn.12xlarge' is not one of the allowed values"))
        #expect(!result.output.standardError.contains("error[region]"))
        #expect(run(["validate", "--region", "eu-west-1", file]).status == .done)
    }

    @Test func anUnknownRegionIsRefusedListingTheKnownOnes() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write(Self.template, to: "app.yaml")
        let result = run(["validate", "--region", "eu-west-9", file])
        #expect(result.status == .badInput)
        #expect(result.output.standardError.hasPrefix("error: 'eu-west-9' is not a region Formwork has data for; known regions: af-south-1,"))
    }
}
