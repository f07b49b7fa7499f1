import FormworkCore
import FormworkL1
import OrderedCollections

/// A Lambda layer version (CDK's `lambda.LayerVersion`): code shared by functions, from a folder asset or a
/// zip in S3, for the runtimes and architectures it names. Give it to functions with `layers:`.
///
/// ```swift
/// let utilities = LayerVersion("Utilities", code: .asset("layers/utilities"), compatibleRuntimes: [.nodejs22])
/// utilities
/// Function("Checkout", runtime: .nodejs22, handler: "index.handler", code: .asset("handlers/checkout"), layers: [utilities])
/// ```
public struct LayerVersion: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The layer's content: `.asset` or `.s3` (a layer cannot be inline).
    public var code: Function.Code
    /// The runtimes the layer is meant for (`CompatibleRuntimes`), at most 15; empty: not written, so any runtime
    /// may use it, as in CDK.
    public var compatibleRuntimes: [Function.Runtime]
    /// The instruction sets the layer is meant for (`CompatibleArchitectures`); empty: not written, so any.
    public var compatibleArchitectures: [Function.Architecture]
    /// The version's `Description`, up to 256 characters; `nil`: none.
    public var description: String?
    /// The license, as an SPDX identifier, a URL or its text.
    public var license: String?
    /// The layer's name (`LayerName`): 1 to 140 letters, digits, `-` or `_`; `nil`: CloudFormation generates one.
    /// Versions with one name are numbered versions of one layer.
    public var layerVersionName: String?
    /// `nil`: none written (CloudFormation deletes a replaced or removed version), as CDK.
    public var removalPolicy: RemovalPolicy?

    /// A layer version with the content of `code` (an asset folder or an S3 zip, not inline code).
    public init(
        _ id: String, code: Function.Code, compatibleRuntimes: [Function.Runtime] = [], compatibleArchitectures: [Function.Architecture] = [],
        description: String? = nil, license: String? = nil, layerVersionName: String? = nil, removalPolicy: RemovalPolicy? = nil
    ) {
        self.id = id
        self.code = code
        self.compatibleRuntimes = compatibleRuntimes
        self.compatibleArchitectures = compatibleArchitectures
        self.description = description
        self.license = license
        self.layerVersionName = layerVersionName
        self.removalPolicy = removalPolicy
    }

    /// `{"Ref": layer}`: the layer version's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if case .inline = code {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a layer cannot have inline code; use .asset(folder) or .s3(bucket:key:)")
        }
        try PropertyChecks.check(compatibleRuntimes.count, in: 0...15, "compatibleRuntimes (count)", at: scope)
        guard let location = try code.s3Location(in: scope) else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a layer cannot have inline code; use .asset(folder) or .s3(bucket:key:)")
        }
        var layer = CfnLambda.LayerVersion(content: CfnLambda.LayerVersion.Content(s3Bucket: location.bucket, s3Key: location.key))
        layer.compatibleArchitectures = compatibleArchitectures.isEmpty ? nil : .array(compatibleArchitectures.map { .string($0.rawValue) })
        layer.compatibleRuntimes = compatibleRuntimes.isEmpty ? nil : .array(compatibleRuntimes.map { .string($0.name) })
        layer.description = description.map { .string($0) }
        layer.layerName = layerVersionName.map { .string($0) }
        layer.licenseInfo = license.map { .string($0) }
        // With an asset, CDK's `aws:asset:*` metadata names the layer's `Content` (`cdk synth` writes it by default).
        try scope.declareResource(layer, removalPolicy: removalPolicy, metadata: scope.assetMetadata(location.asset, property: "Content"))
    }
}
