import FormworkCore
import FormworkL1
import OrderedCollections

/// A published, immutable version of a function (CDK's `lambda.Version`): the code and configuration as
/// they are when the version is created, optionally with provisioned concurrency.
///
/// ```swift
/// let v1 = Version("V1", function: checkout)
/// v1
/// Alias("Live", aliasName: "live", version: v1, provisionedConcurrentExecutions: 5)
/// ```
public struct Version: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    public let function: Function
    /// The version's `Description`, up to 256 characters; `nil`: none. Changing it publishes a new version.
    public var description: String?
    /// Execution environments kept initialized for this version.
    public var provisionedConcurrentExecutions: Int?
    /// `nil`: none written, as CDK.
    public var removalPolicy: RemovalPolicy?

    /// A version of `function` as it is when the version is created.
    public init(
        _ id: String, function: Function, description: String? = nil, provisionedConcurrentExecutions: Int? = nil,
        removalPolicy: RemovalPolicy? = nil
    ) {
        self.id = id
        self.function = function
        self.description = description
        self.provisionedConcurrentExecutions = provisionedConcurrentExecutions
        self.removalPolicy = removalPolicy
    }

    /// The version's ARN (`{"Ref": version}`).
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The version number (`Fn::GetAtt [Version, Version]`).
    public var version: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnLambda.Version.Attribute.version.rawValue))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(provisionedConcurrentExecutions, in: 1...Int.max, "provisionedConcurrentExecutions", at: scope)
        var cfnVersion = CfnLambda.Version(functionName: function.name)
        cfnVersion.description = description.map { .string($0) }
        cfnVersion.provisionedConcurrencyConfig = provisionedConcurrentExecutions.map {
            CfnLambda.Version.ProvisionedConcurrencyConfiguration(provisionedConcurrentExecutions: .number(Double($0)))
        }
        // CDK marks versions so that its refactoring never moves them (a moved version is a new one).
        try scope.declareResource(cfnVersion, removalPolicy: removalPolicy, metadata: ["aws:cdk:do-not-refactor": true])
    }
}
