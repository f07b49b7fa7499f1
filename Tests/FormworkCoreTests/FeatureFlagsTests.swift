import Foundation
@testable import FormworkCore
import FormworkTemplate
import FormworkTestSupport
import Testing

/// CDK's feature flags as an app's `cdk.json` sets them: read from the file (other context ignored), errors
/// at the file's line and column, and every flag Formwork does not implement reported, never ignored.
@Suite struct FeatureFlagsTests {
    static func app(_ defaults: DefaultsProfile) -> App {
        App(defaults: defaults) { Stack("Flagged") { Resource("Queue", type: "AWS::SQS::Queue") } }
    }

    @Test func aCDKJSONsContextFlagsAreReadAndOtherContextIsIgnored() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write(
            #"{"app": "python3 app.py", "context": {"@aws-cdk/aws-lambda:useCdkManagedLogGroup": true, "vpc-provider:account=1": {"x": 1}}}"#, to: "cdk.json")
        let flags = try FeatureFlags.contents(ofCDKJSON: path)
        #expect(flags.values == ["@aws-cdk/aws-lambda:useCdkManagedLogGroup": true])
        #expect(flags.isEnabled(.lambdaUseCdkManagedLogGroup))
        #expect(!flags.isEnabled(.apiGatewayDisableCloudWatchRole), "a flag not set has its v2 default")
    }

    /// `cdk synth` (aws-cdk 2.1146.1) passes the context `aws:cdk:enable-asset-metadata: true` over the file's own unless
    /// the file's `assetMetadata` setting is false; then the file's context decides, none meaning off. Each row was
    /// checked with `cdk synth` of a function with a folder asset.
    @Test(arguments: [
        (#"{"app": "python3 app.py"}"#, true),
        (#"{"app": "python3 app.py", "assetMetadata": true}"#, true),
        (#"{"app": "python3 app.py", "context": {"aws:cdk:enable-asset-metadata": false}}"#, true),
        (#"{"app": "python3 app.py", "assetMetadata": false}"#, false),
        (#"{"app": "python3 app.py", "assetMetadata": false, "context": {"aws:cdk:enable-asset-metadata": true}}"#, true),
    ])
    func aCDKJSONTurnsAssetMetadataOffAsTheCLIDoes(file: String, writes: Bool) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write(file, to: "cdk.json")
        let flags = try FeatureFlags.contents(ofCDKJSON: path)
        #expect(flags.writesAssetMetadata == writes)
        #expect(flags.unimplemented.isEmpty, "the context key is no feature flag")
    }

    @Test func assetMetadataIsOnUnlessTheContextSaysFalseAndOnlyUnderCDKsDefaults() {
        #expect(FeatureFlags().writesAssetMetadata)
        #expect(FeatureFlags.recommended.writesAssetMetadata)
        for off: JSONValue in [false, nil, 0, ""] {
            #expect(!FeatureFlags([FeatureFlags.assetMetadataContextKey: off]).writesAssetMetadata)
        }
        #expect(DefaultsProfile.cdk.writesAssetMetadata)
        #expect(!DefaultsProfile.formwork.writesAssetMetadata)
    }

    @Test func recommendedIsWhatCDKInitWrites() {
        #expect(FeatureFlags.recommended.values.count == 88)
        #expect(FeatureFlags.recommended.isEnabled(.lambdaUseCdkManagedLogGroup))
        #expect(FeatureFlags.recommended.value(of: "@aws-cdk/core:defaultCrossStackReferences") == .string("weak"))
    }

    @Test func aCDKJSONThatIsNotJSONStopsSynthesisAtItsLineAndColumn() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("{\n  \"context\": {\n    \"@aws-cdk/aws-lambda:useCdkManagedLogGroup\": tru\n  }\n}\n", to: "cdk.json")
        #expect {
            try Self.app(.cdk(cdkJSON: path)).synthesize()
        } throws: { error in
            let message = "\(error)"
            return message.contains("cannot read the feature flags of \(path)") && message.contains("\(path):3:")
        }
    }

    @Test func aMissingCDKJSONIsNamed() {
        #expect {
            try Self.app(.cdk(cdkJSON: "/nonexistent/cdk.json")).synthesize()
        } throws: { error in "\(error)".contains("cannot read the feature flags of /nonexistent/cdk.json") }
    }

    @Test func flagsFormworkDoesNotImplementAreReportedAtSynthesis() throws {
        let assembly = try Self.app(
            .cdk(
                flags: FeatureFlags([
                    "@aws-cdk/aws-rds:databaseProxyUniqueResourceName": true,
                    "@aws-cdk/aws-lambda:useCdkManagedLogGroup": true,
                    "@aws-cdk/aws-ecs:arnFormatIncludesClusterName": true,
                    "@aws-cdk/not-a-flag:madeUp": true,
                ]))
        ).synthesize()
        let warning = try #require(assembly.warnings.first { $0.contains("feature flag") })
        #expect(warning.contains("Flagged: 2 feature flag(s) set that Formwork does not implement"))
        #expect(warning.contains("@aws-cdk/aws-ecs:arnFormatIncludesClusterName, @aws-cdk/aws-rds:databaseProxyUniqueResourceName"))
        #expect(!warning.contains("useCdkManagedLogGroup"), "an implemented flag is not reported")
    }

    @Test func aFlagAtItsDefaultIsNotReported() throws {
        let assembly = try Self.app(.cdk(flags: FeatureFlags(["@aws-cdk/aws-rds:databaseProxyUniqueResourceName": false]))).synthesize()
        #expect(!assembly.warnings.contains { $0.contains("feature flag") })
    }
}
