import FormworkCore
import FormworkL1
import OrderedCollections

/// A named pointer to a function version (CDK's `lambda.Alias`): what callers invoke, moved from version to
/// version for safe deployments, with provisioned concurrency (auto-scaled if asked) and weighted routing to a
/// second version.
public struct Alias: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The alias's name (`Name`): 1 to 128 letters, digits, `-` or `_`, not only digits (`live`, `prod`).
    public var aliasName: String
    /// The version the alias points to (`FunctionVersion`, its function as `FunctionName`): a ``Version`` or a
    /// function's ``CurrentVersion``.
    public let version: any PublishedVersion
    /// The alias's `Description`, up to 256 characters; `nil`: none.
    public var description: String?
    /// Instances kept initialized for the alias (`ProvisionedConcurrencyConfig`), 1 or more, billed while they
    /// exist; `nil`: none. With ``autoScaling``, the starting point it scales from.
    public var provisionedConcurrentExecutions: Int?
    /// Other versions that get a share of the invocations (weights between 0 and 1).
    public var additionalVersions: [(version: any PublishedVersion, weight: Double)]
    /// Auto scaling of the provisioned concurrency.
    public var autoScaling: AutoScaling?

    /// An alias `aliasName` of `version`.
    public init(
        _ id: String, aliasName: String, version: any PublishedVersion, description: String? = nil, provisionedConcurrentExecutions: Int? = nil,
        additionalVersions: [(version: any PublishedVersion, weight: Double)] = [], autoScaling: AutoScaling? = nil
    ) {
        self.id = id
        self.aliasName = aliasName
        self.version = version
        self.description = description
        self.provisionedConcurrentExecutions = provisionedConcurrentExecutions
        self.additionalVersions = additionalVersions
        self.autoScaling = autoScaling
    }

    /// The alias's ARN (`{"Ref": alias}`): invoke this rather than the function.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        let allowed = aliasName.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard allowed, !aliasName.isEmpty, !aliasName.allSatisfy(\.isNumber), aliasName.count <= 128 else {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "the alias name '\(aliasName)' is not valid: letters, digits, - and _, not only digits, at most 128")
        }
        try PropertyChecks.check(provisionedConcurrentExecutions, in: 1...Int.max, "provisionedConcurrentExecutions", at: scope)
        for (_, weight) in additionalVersions where !(0...1).contains(weight) {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a version weight is between 0 and 1; it is \(weight)")
        }
        var alias = CfnLambda.Alias(functionName: version.function.name, functionVersion: version.version, name: .string(aliasName))
        alias.description = description.map { .string($0) }
        alias.provisionedConcurrencyConfig = provisionedConcurrentExecutions.map {
            CfnLambda.Alias.ProvisionedConcurrencyConfiguration(provisionedConcurrentExecutions: .number(Double($0)))
        }
        if !additionalVersions.isEmpty {
            alias.routingConfig = CfnLambda.Alias.AliasRoutingConfiguration(
                additionalVersionWeights: additionalVersions.map {
                    CfnLambda.Alias.VersionWeight(functionVersion: $0.version.version, functionWeight: .number($0.weight))
                })
        }
        try scope.declareResource(alias)
        for case let current as CurrentVersion in [version] + additionalVersions.map(\.version) {
            try current.declareUnlessListed(from: scope)
        }
        if let autoScaling { try declareAutoScaling(autoScaling, in: scope) }
    }
}
