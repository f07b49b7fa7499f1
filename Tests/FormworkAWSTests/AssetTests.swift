import Foundation
import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct AssetTests {
    static var handlerFolder: String { Bundle.module.resourceURL!.appendingPathComponent("Fixtures/asset-handler").path }

    /// What the real AWS CDK computed for the same folder.
    static let cdkHash = "eaf284e4d87add0a9c6739fa373184ea89767b1387c7de8e58d61712f16d1968"

    func assetFunction() -> Function {
        Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .asset(Self.handlerFolder))
    }

    @Test func anAssetFolderGetsTheS3KeyCDKGivesIt() throws {
        let template = try synthesize { assetFunction() }
        #expect(
            template.resources[logicalId("Fn/Resource")]?.properties["Code"] == [
                "S3Bucket": .sub("cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"),
                "S3Key": .string("\(Self.cdkHash).zip"),
            ])
    }

    @Test func theAssemblyStagesTheFolderAndListsItForPublishing() throws {
        let assembly = try App { Stack("AssetStack") { assetFunction() } }.synthesize()
        let contents = try CloudAssemblyWriter().contents(for: assembly)
        #expect(contents.assets.map(\.hash) == [Self.cdkHash])
        let manifest = try JSONReader.parse(try #require(contents.files["manifest.json"]))
        #expect(manifest["artifacts"]?["AssetStack.assets"]?["type"] == "cdk:asset-manifest")
        #expect(manifest["artifacts"]?["AssetStack"]?["dependencies"] == ["AssetStack.assets"])
        let assets = try JSONReader.parse(try #require(contents.files["AssetStack.assets.json"]))
        #expect(assets["files"]?[Self.cdkHash]?["source"] == ["path": .string("asset.\(Self.cdkHash)"), "packaging": "zip"])
        #expect(assets["files"]?[Self.cdkHash]?["displayName"] == "Fn/Code")
    }

    @Test func aCustomBootstrapQualifierNamesTheBucketRolesAndVersionParameter() throws {
        let assembly = try App(bootstrap: BootstrapNames(qualifier: "team1")) { Stack("AssetStack") { assetFunction() } }.synthesize()
        let template = try #require(assembly.stacks.first?.template)
        #expect(template.resources[logicalId("Fn/Resource")]?.properties["Code"]?["S3Bucket"] == .sub("cdk-team1-assets-${AWS::AccountId}-${AWS::Region}"))
        let contents = try CloudAssemblyWriter().contents(for: assembly)
        let manifest = try JSONReader.parse(try #require(contents.files["manifest.json"]))
        let properties = manifest["artifacts"]?["AssetStack"]?["properties"]
        #expect(properties?["assumeRoleArn"] == "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-team1-deploy-role-${AWS::AccountId}-${AWS::Region}")
        #expect(
            properties?["cloudFormationExecutionRoleArn"]
                == "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-team1-cfn-exec-role-${AWS::AccountId}-${AWS::Region}")
        #expect(properties?["bootstrapStackVersionSsmParameter"] == "/cdk-bootstrap/team1/version")
        let assets = try JSONReader.parse(try #require(contents.files["AssetStack.assets.json"]))
        let destination = assets["files"]?[Self.cdkHash]?["destinations"]?["current_account-current_region"]
        #expect(destination?["bucketName"] == "cdk-team1-assets-${AWS::AccountId}-${AWS::Region}")
        #expect(
            destination?["assumeRoleArn"] == "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-team1-file-publishing-role-${AWS::AccountId}-${AWS::Region}"
        )
    }

    @Test(arguments: ["", "Team1", "team_1", "elevenchars"])
    func aQualifierCDKBootstrapWouldRefuseIsASynthesisError(qualifier: String) {
        #expect(throws: SynthesisError.self) {
            try App(bootstrap: BootstrapNames(qualifier: qualifier)) { Stack("AssetStack") { assetFunction() } }.synthesize()
        }
    }

    @Test func aMissingAssetFolderNamesTheFunction() {
        let error = synthesisError { Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .asset("/nonexistent/handler")) }
        #expect(error?.paths == ["Test/Fn"])
        #expect(error?.message.hasPrefix("the asset folder '/nonexistent/handler' does not exist") == true)
    }

    @Test func inlineCodeOverFourKilobytesIsAnError() {
        let error = synthesisError {
            Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline(String(repeating: "x", count: 5_000)))
        }
        #expect(error?.code == .invalidSetting)
    }
}
