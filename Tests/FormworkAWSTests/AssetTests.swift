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

    /// CDK's `aws:asset:*` metadata for the asset folder's resource property `property`, as `cdk synth` writes it.
    static func cdkAssetMetadata(_ property: String) -> JSONValue {
        ["aws:asset:path": .string("asset.\(cdkHash)"), "aws:asset:is-bundled": false, "aws:asset:property": .string(property)]
    }

    /// What `cdk synth` (aws-cdk 2.1146.1 with aws-cdk-lib 2.275.0, whose CLI passes the context
    /// `aws:cdk:enable-asset-metadata: true` unless `--no-asset-metadata`) writes on a function whose code is a folder:
    ///
    ///     "Metadata": {"aws:asset:path": "asset.<hash>", "aws:asset:is-bundled": false, "aws:asset:property": "Code"}
    ///
    /// in that key order; the parity cases `FunctionAssetCode`, `FunctionsShareAnAsset`, `LayerAssetContent` and
    /// `LayerAndFunctionAssetsCurrentVersion` check it against CDK's templates.
    @Test func underCDKsDefaultsAFunctionWithAnAssetGetsCDKsAssetMetadata() throws {
        let template = try App(defaults: .cdk) { Stack("Test") { assetFunction() } }.synthesize().stacks[0].template
        let metadata = try #require(template.resources[logicalId("Fn/Resource")]?.metadata)
        #expect(metadata == Self.cdkAssetMetadata("Code"))
        #expect(metadata.objectValue.map { Array($0.keys) } == ["aws:asset:path", "aws:asset:is-bundled", "aws:asset:property"])
        #expect(template.resources[logicalId("Fn/ServiceRole/Resource")]?.metadata == nil)
    }

    /// A layer's asset is its `Content` (CDK: `bindToResource(resource, { resourceProperty: 'Content' })`).
    @Test func underCDKsDefaultsALayerWithAnAssetNamesItsContent() throws {
        let layer = LayerVersion("Layer", code: .asset(Self.handlerFolder), compatibleRuntimes: [.nodejs22])
        let template = try App(defaults: .cdk(flags: .recommended)) { Stack("Test") { layer } }.synthesize().stacks[0].template
        #expect(template.resources[logicalId("Layer/Resource")]?.metadata == Self.cdkAssetMetadata("Content"))
    }

    /// Formwork's defaults write none; nor do CDK's with the context off (`cdk synth --no-asset-metadata`, or an app
    /// synthesized without the CLI).
    @Test(arguments: [DefaultsProfile.formwork, .cdk(flags: FeatureFlags([FeatureFlags.assetMetadataContextKey: false]))])
    func noAssetMetadataUnderFormworksDefaultsOrWithTheContextOff(defaults: DefaultsProfile) throws {
        let layer = LayerVersion("Layer", code: .asset(Self.handlerFolder))
        let template = try App(defaults: defaults) {
            Stack("Test") {
                layer
                assetFunction()
            }
        }.synthesize().stacks[0].template
        #expect(template.resources[logicalId("Fn/Resource")]?.metadata == nil)
        #expect(template.resources[logicalId("Layer/Resource")]?.metadata == nil)
    }

    @Test func inlineAndS3CodeGetNoAssetMetadata() throws {
        let layer = LayerVersion("Layer", code: .s3(bucket: "shop-layers", key: "layer.zip"))
        let template = try App(defaults: .cdk) {
            Stack("Test") {
                layer
                inlineFunction("Fn")
            }
        }.synthesize().stacks[0].template
        #expect(template.resources[logicalId("Fn/Resource")]?.metadata == nil)
        #expect(template.resources[logicalId("Layer/Resource")]?.metadata == nil)
    }

    @Test func inlineCodeOverFourKilobytesIsAnError() {
        let error = synthesisError {
            Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline(String(repeating: "x", count: 5_000)))
        }
        #expect(error?.code == .invalidSetting)
    }
}
