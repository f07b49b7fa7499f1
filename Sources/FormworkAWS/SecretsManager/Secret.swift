import FormworkCore
import FormworkL1
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
    /// The secret's `Description`, up to 2,048 characters; `nil`: none.
    public var description: String?
    /// The secret's name (`Name`): up to 512 letters, digits or `/_+=.@-`; `nil`: CloudFormation generates one.
    /// Avoid ending it in a hyphen and six characters, which looks like Secrets Manager's ARN suffix.
    public var secretName: String?
    /// How Secrets Manager generates the value (`GenerateSecretString`, always written); unless given, a
    /// 32-character password of letters, digits and punctuation.
    public var generate: Generator
    /// What happens to the secret when it leaves the stack or the stack is deleted; ``RemovalPolicy/destroy`` unless
    /// given, as in CDK (Secrets Manager keeps a deleted secret recoverable for 30 days).
    public var removalPolicy: RemovalPolicy

    /// How Secrets Manager generates the value (`GenerateSecretString`); every option `nil` leaves its default.
    public struct Generator: Sendable {
        /// A JSON document the generated string is added to, under `key`.
        public var template: String?
        /// The JSON field of ``template`` the generated string goes in (`GenerateStringKey`), such as `password`; given
        /// with ``template`` or not at all.
        public var key: String?
        /// How many characters to generate (`PasswordLength`), 1 to 4,096; `nil`: not written, so Secrets Manager's 32.
        public var length: Int?
        /// Characters the generated string must not contain (`ExcludeCharacters`), such as `"@/\`; `nil`: none excluded.
        public var excludeCharacters: String?
        /// Whether to leave out lowercase letters (`ExcludeLowercase`); `nil`: not written, so no.
        public var excludeLowercase: Bool?
        /// Whether to leave out digits (`ExcludeNumbers`); `nil`: not written, so no.
        public var excludeNumbers: Bool?
        /// Whether to leave out punctuation, the 32 ASCII symbols such as `!`, `#` and `~` (`ExcludePunctuation`);
        /// `nil`: not written, so no.
        public var excludePunctuation: Bool?
        /// Whether to leave out uppercase letters (`ExcludeUppercase`); `nil`: not written, so no.
        public var excludeUppercase: Bool?
        /// Whether the space character may appear (`IncludeSpace`); `nil`: not written, so no.
        public var includeSpace: Bool?
        /// Whether the string has at least one character of every type not excluded (`RequireEachIncludedType`); `nil`:
        /// not written, so yes.
        public var requireEachIncludedType: Bool?

        /// A generator; with every option `nil`, a 32-character password.
        ///
        /// - Parameter template: A JSON document the generated string is added to; given with `key` or not at all.
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

        /// The generator as `GenerateSecretString` writes it; an empty object when nothing is given.
        var property: CfnSecretsManager.Secret.GenerateSecretString {
            CfnSecretsManager.Secret.GenerateSecretString(
                excludeCharacters: excludeCharacters.map { .string($0) },
                excludeLowercase: excludeLowercase.map { .bool($0) },
                excludeNumbers: excludeNumbers.map { .bool($0) },
                excludePunctuation: excludePunctuation.map { .bool($0) },
                excludeUppercase: excludeUppercase.map { .bool($0) },
                generateStringKey: key.map { .string($0) },
                includeSpace: includeSpace.map { .bool($0) },
                passwordLength: length.map { .number(Double($0)) },
                requireEachIncludedType: requireEachIncludedType.map { .bool($0) },
                secretStringTemplate: template.map { .string($0) })
        }
    }

    /// A secret whose value Secrets Manager generates as `generate` says.
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
        let secret = CfnSecretsManager.Secret(
            description: description.map { .string($0) }, generateSecretString: generate.property, name: secretName.map { .string($0) })
        try scope.declareResource(secret, removalPolicy: removalPolicy)
    }
}
