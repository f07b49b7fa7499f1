import FormworkCore
import FormworkL1
import OrderedCollections

/// A version a function's alias points at: a ``Version``, or the function's ``CurrentVersion``.
public protocol PublishedVersion: Sendable {
    /// The function the version belongs to.
    var function: Function { get }
    /// The version number (`Fn::GetAtt [Version, Version]`).
    var version: Value { get }
}

extension Version: PublishedVersion {}

/// The version of a function's code and configuration as they are now (CDK's `fn.currentVersion`): at
/// `<Function>/CurrentVersion`, its logical ID ending in CDK's hash of the function's version-locked
/// properties (and layers), so that a change to the function publishes a new version and an unchanged one
/// keeps it. List it in the body with the function, or let the ``Alias`` that points at it declare it, as CDK's
/// `fn.currentVersion` declares the version on first use.
///
/// ```swift
/// let checkout = Function("Checkout", ...)
/// checkout
/// checkout.currentVersion
/// Alias("Live", aliasName: "live", version: checkout.currentVersion, provisionedConcurrentExecutions: 5)
/// ```
public struct CurrentVersion: Construct, PublishedVersion {
    public let function: Function
    /// The version's `Description`, up to 256 characters; `nil`: none.
    public var description: String?
    /// Instances kept initialized for the version (`ProvisionedConcurrencyConfig`), 1 or more; `nil`: none.
    public var provisionedConcurrentExecutions: Int?
    /// What happens to a version the next one replaces or the stack deletes; `nil`: none written, so CloudFormation
    /// deletes it, as in CDK. ``RemovalPolicy/retain`` keeps old versions for rollback.
    public var removalPolicy: RemovalPolicy?
    /// Whether the hash covers the layers too, as CDK does with the feature flag
    /// `@aws-cdk/aws-lambda:recognizeLayerVersion` on (projects made by `cdk init` set it in `cdk.json`);
    /// `nil` (the default) follows the flag in the stack's ``DefaultsProfile``, off without it as in CDK.
    public var recognizeLayerVersion: Bool?

    public var id: String { "\(function.id)CurrentVersion" }

    /// The version's ARN.
    public var arn: Value { .reference(Reference(to: function, element: ["CurrentVersion", "Resource"], form: .ref)) }
    public var version: Value {
        .reference(Reference(to: function, element: ["CurrentVersion", "Resource"], form: .getAtt(CfnLambda.Version.Attribute.version.rawValue)))
    }

    /// The properties a change of which makes a new version (CDK's `VERSION_LOCKED`), in CDK's hash order.
    static let hashOrder = [
        "Code", "Handler", "Role", "Runtime", "Architectures", "CodeSigningConfigArn", "DeadLetterConfig", "Description",
        "Environment", "EphemeralStorage", "FileSystemConfigs", "FunctionName", "ImageConfig", "KmsKeyArn", "Layers",
        "MemorySize", "PackageType", "ReservedConcurrentExecutions", "RuntimeManagementConfig", "SnapStart", "Tags",
        "Timeout", "TracingConfig", "VpcConfig",
    ]
    static let versionLocked: Set<String> = [
        "Architectures", "Code", "DeadLetterConfig", "Description", "Environment", "EphemeralStorage", "FileSystemConfigs", "FunctionName",
        "Handler", "ImageConfig", "KmsKeyArn", "Layers", "MemorySize", "PackageType", "RecursiveLoop", "Role", "Runtime",
        "RuntimeManagementConfig", "SnapStart", "Timeout", "TracingConfig", "VpcConfig", "LoggingConfig",
    ]
    static let layerHashOrder = ["Content", "CompatibleArchitectures", "CompatibleRuntimes", "Description", "LayerName", "LicenseInfo"]

    /// How CDK hashes a function into its current version's logical ID, by the flags that decide it.
    struct Hashing {
        /// Only the version-locked properties (`@aws-cdk/aws-lambda:recognizeVersionProps`, on unless set);
        /// otherwise the function's whole template entry.
        var versionPropertiesOnly: Bool
        /// The layers' properties too (`@aws-cdk/aws-lambda:recognizeLayerVersion`, or the version's own setting).
        var layers: Bool
    }

    /// How the version at `scope` is hashed: its own ``recognizeLayerVersion`` or the stack's flags.
    private func hashing(in scope: ConstructScope) -> Hashing {
        Hashing(
            versionPropertiesOnly: scope.defaults.isEnabled(.lambdaRecognizeVersionProps),
            layers: recognizeLayerVersion ?? scope.defaults.isEnabled(.lambdaRecognizeLayerVersion))
    }

    /// CDK's hash: the function's version-locked properties (or its whole entry), then (when hashing layers) the hash
    /// of its layers' properties by id.
    func digest(_ hashing: Hashing) -> LogicalIdDigest {
        let functionResource = Reference(to: function, element: ["Resource"], form: .ref)
        let properties =
            hashing.versionPropertiesOnly
            ? LogicalIdDigest.Component.resourceProperties(functionResource, order: Self.hashOrder, keeping: Self.versionLocked)
            : .resourceEntry(functionResource, propertyOrder: Self.hashOrder)
        guard hashing.layers else { return LogicalIdDigest([properties]) }
        var layers: [LogicalIdDigest.Component] = [.text("{")]
        // CDK sorts the layers by their construct path; one stack's layers sort by id.
        for (index, layer) in function.layers.sorted(by: { $0.id < $1.id }).enumerated() {
            layers.append(.text((index == 0 ? "" : ",") + "\"\(layer.id)\":"))
            layers.append(.resourceProperties(Reference(to: layer, element: ["Resource"], form: .ref), order: Self.layerHashOrder))
        }
        layers.append(.text("}"))
        return LogicalIdDigest([properties, .digest(layers)])
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(provisionedConcurrentExecutions, in: 1...Int.max, "provisionedConcurrentExecutions", at: scope)
        scope.require(function)
        let hashing = hashing(in: scope)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            try declare(hashing, in: scope)
        }
    }

    /// Declares the version of a construct that points at it (an ``Alias``), unless it is listed in the body: as CDK's
    /// `fn.currentVersion` creates the version on first use. A listed version is declared at ``ConstructScope/Stage/edges``;
    /// this one looks at ``ConstructScope/Stage/finalize``, once every listed one is declared.
    func declareUnlessListed(from scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(provisionedConcurrentExecutions, in: 1...Int.max, "provisionedConcurrentExecutions", at: scope)
        let hashing = hashing(in: scope)
        scope.afterExpansion(.finalize) { [self] scope throws(SynthesisError) in
            let functionScope = try scope.scope(of: function)
            guard functionScope.existingChild("CurrentVersion")?.existingChild("Resource")?.hasElement != true else { return }
            try declare(hashing, in: scope)
        }
    }

    private func declare(_ hashing: Hashing, in scope: ConstructScope) throws(SynthesisError) {
        var cfnVersion = CfnLambda.Version(functionName: function.name)
        cfnVersion.description = description.map { .string($0) }
        cfnVersion.provisionedConcurrencyConfig = provisionedConcurrentExecutions.map {
            CfnLambda.Version.ProvisionedConcurrencyConfiguration(provisionedConcurrentExecutions: .number(Double($0)))
        }
        var declaration = ResourceDeclaration(cfnVersion, removalPolicy: removalPolicy, metadata: ["aws:cdk:do-not-refactor": true])
        declaration.logicalIdDigest = digest(hashing)
        try scope.scope(of: function).child("CurrentVersion").declare(.resource(declaration), at: "Resource")
    }
}

extension Function {
    /// The function's current version (CDK's `currentVersion`); list it in the body, or point an ``Alias`` at it.
    public var currentVersion: CurrentVersion { CurrentVersion(function: self) }

    /// The current version with options (CDK's `currentVersionOptions`); list it in the body, or point an ``Alias`` at it.
    public func currentVersion(
        description: String? = nil, provisionedConcurrentExecutions: Int? = nil, removalPolicy: RemovalPolicy? = nil,
        recognizeLayerVersion: Bool? = nil
    ) -> CurrentVersion {
        CurrentVersion(
            function: self, description: description, provisionedConcurrentExecutions: provisionedConcurrentExecutions, removalPolicy: removalPolicy,
            recognizeLayerVersion: recognizeLayerVersion)
    }
}
