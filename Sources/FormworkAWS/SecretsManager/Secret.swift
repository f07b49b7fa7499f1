import FormworkCore
import OrderedCollections

/// A Secrets Manager secret whose value Secrets Manager generates (CDK's `secretsmanager.Secret`): a
/// password, or a JSON document with a generated field. Deleted with the stack unless told otherwise, as CDK.
///
/// ```swift
/// let database = Secret("DatabaseCredentials", generate: .init(template: #"{"username": "shop"}"#, key: "password"))
/// let api = Function("Api", ..., environment: ["SECRET_ARN": database.arn])
/// database
/// database.grant(.read, to: api)
/// ```
public struct Secret: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    public var description: String?
    public var secretName: String?
    public var generate: Generator
    public var removalPolicy: RemovalPolicy

    /// How Secrets Manager generates the value (`GenerateSecretString`); every option `nil` leaves its default.
    public struct Generator: Sendable {
        /// A JSON document the generated string is added to, under `key`.
        public var template: String?
        public var key: String?
        public var length: Int?
        public var excludeCharacters: String?
        public var excludeLowercase: Bool?
        public var excludeNumbers: Bool?
        public var excludePunctuation: Bool?
        public var excludeUppercase: Bool?
        public var includeSpace: Bool?
        public var requireEachIncludedType: Bool?

        public init(
            template: String? = nil, key: String? = nil, length: Int? = nil, excludeCharacters: String? = nil,
            excludeLowercase: Bool? = nil, excludeNumbers: Bool? = nil, excludePunctuation: Bool? = nil, excludeUppercase: Bool? = nil,
            includeSpace: Bool? = nil, requireEachIncludedType: Bool? = nil
        ) {
            self.template = template
            self.key = key
            self.length = length
            self.excludeCharacters = excludeCharacters
            self.excludeLowercase = excludeLowercase
            self.excludeNumbers = excludeNumbers
            self.excludePunctuation = excludePunctuation
            self.excludeUppercase = excludeUppercase
            self.includeSpace = includeSpace
            self.requireEachIncludedType = requireEachIncludedType
        }

        var value: Value {
            var properties = OrderedDictionary<String, Value>()
            properties["ExcludeCharacters"] = excludeCharacters.map { .string($0) }
            properties["ExcludeLowercase"] = excludeLowercase.map { .bool($0) }
            properties["ExcludeNumbers"] = excludeNumbers.map { .bool($0) }
            properties["ExcludePunctuation"] = excludePunctuation.map { .bool($0) }
            properties["ExcludeUppercase"] = excludeUppercase.map { .bool($0) }
            properties["GenerateStringKey"] = key.map { .string($0) }
            properties["IncludeSpace"] = includeSpace.map { .bool($0) }
            properties["PasswordLength"] = length.map { .number(Double($0)) }
            properties["RequireEachIncludedType"] = requireEachIncludedType.map { .bool($0) }
            properties["SecretStringTemplate"] = template.map { .string($0) }
            return .object(properties)
        }
    }

    public init(
        _ id: String, description: String? = nil, secretName: String? = nil, generate: Generator = Generator(),
        removalPolicy: RemovalPolicy = .destroy
    ) {
        self.id = id
        self.description = description
        self.secretName = secretName
        self.generate = generate
        self.removalPolicy = removalPolicy
    }

    /// `{"Ref": secret}`: the secret's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }

    /// A dynamic reference CloudFormation resolves at deploy (`{{resolve:secretsmanager:...}}`): the whole
    /// secret string, or one field of its JSON. The value lands in the resource's configuration, so prefer
    /// reading the secret at run time with a grant.
    public func secretValue(field: String? = nil) -> Value {
        "{{resolve:secretsmanager:\(arn):SecretString:\(field ?? "")::}}"
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if (generate.template == nil) != (generate.key == nil) {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a generated secret needs both a template and a key, or neither")
        }
        try PropertyChecks.check(generate.length, in: 1...4_096, "generate.length", at: scope)
        var properties = OrderedDictionary<String, Value>()
        properties["Description"] = description.map { .string($0) }
        properties["GenerateSecretString"] = generate.value
        properties["Name"] = secretName.map { .string($0) }
        try scope.declareResource("AWS::SecretsManager::Secret", properties: properties, removalPolicy: removalPolicy)
    }
}
