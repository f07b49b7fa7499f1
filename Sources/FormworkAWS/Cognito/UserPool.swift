import FormworkCore
import FormworkL1
import OrderedCollections

/// A Cognito user pool (CDK's `cognito.UserPool`): the users of an app, how they sign in, their attributes, their
/// passwords, multi-factor authentication and account recovery, written with CDK's defaults and messages. Retained
/// when the stack is deleted unless told otherwise.
///
/// ```swift
/// let customers = UserPool("Customers", selfSignUpEnabled: true, signInAliases: [.email], mfa: .optional(otp: true))
/// customers
/// customers.client("Web", authFlows: [.userSrp])
/// ```
public struct UserPool: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The pool's name (`UserPoolName`): 1 to 128 characters; `nil` (the default) leaves it out and CloudFormation generates one.
    public var userPoolName: String?
    /// Whether users may sign themselves up (`AllowAdminCreateUserOnly` of `AdminCreateUserConfig`, written as its opposite);
    /// `false` unless given, as in CDK: only administrators create users.
    public var selfSignUpEnabled: Bool
    /// How users sign in; `[.username]` when empty, as CDK.
    public var signInAliases: Set<SignInAlias>
    /// The attributes Cognito verifies; those of the sign-in aliases (email, phone) when `nil`, as CDK.
    public var autoVerify: Set<VerifiedAttribute>?
    /// The standard attributes the pool declares, and whether each is required and changeable (entries of `Schema`); none
    /// unless given, as in CDK: every standard attribute is then optional and changeable.
    public var standardAttributes: StandardAttributes
    /// The app's own attributes, by name without the `custom:` prefix (1 to 20 characters), written in `Schema` after the
    /// standard ones in this order; none unless given.
    public var customAttributes: OrderedDictionary<String, CustomAttribute>
    /// The rules for users' passwords (`PasswordPolicy` of `Policies`); `nil` (the default) writes none, and Cognito's default
    /// policy applies: at least 8 characters with a lowercase and an uppercase letter, a digit and a symbol, and temporary
    /// passwords valid 7 days.
    public var passwordPolicy: PasswordPolicy?
    /// Whether users need a second factor, and which (`MfaConfiguration` and `EnabledMfas`); `nil` (the default) writes none,
    /// and MFA is off as with ``MFA/off``.
    public var mfa: MFA?
    /// How a user who forgot the password gets back in (`RecoveryMechanisms` of `AccountRecoverySetting`, always written); a
    /// verified phone number then a verified email unless given, as in CDK.
    public var accountRecovery: AccountRecovery
    /// Whether the pool can be deleted only after this is turned off (`DeletionProtection`, `ACTIVE` or `INACTIVE`); `nil` (the
    /// default) writes none, and the pool is not protected.
    public var deletionProtection: Bool?
    /// The functions Cognito calls at each step of signing up and in.
    public var triggers: [Trigger: Function]
    /// What happens to the pool when it leaves the stack or is replaced (`DeletionPolicy` and `UpdateReplacePolicy`); kept
    /// (``RemovalPolicy/retain``) unless given, as in CDK.
    public var removalPolicy: RemovalPolicy

    /// What a user may sign in with.
    public enum SignInAlias: String, Sendable, Hashable {
        /// `username`: a user name chosen at sign-up, which cannot be changed; `email`: the user's email address, as the user name
        /// or, with `username`, as an alias (`UsernameAttributes` or `AliasAttributes`).
        case username, email
        /// `preferred_username`: a user name the user can change, as an alias (`AliasAttributes`); needs `username` too.
        case preferredUsername = "preferred_username"
    }

    /// The attributes Cognito can verify.
    public enum VerifiedAttribute: String, Sendable, Hashable {
        /// `email`: Cognito sends a code to confirm the email address (`AutoVerifiedAttributes`).
        case email
    }

    /// Multi-factor authentication: off, optional or required, with one-time passwords from an app, codes by
    /// SMS, or both. SMS needs a role Cognito sends through SNS with: the pool makes it at `<Pool>/smsRole`,
    /// as CDK does.
    public enum MFA: Sendable, Hashable {
        /// `OFF`: no second factor.
        case off
        /// `OPTIONAL`: each user may set up a second factor: one-time passwords from an authenticator app (`SOFTWARE_TOKEN_MFA`)
        /// when `otp`, SMS codes (`SMS_MFA`) when `sms`; at least one of the two.
        case optional(otp: Bool, sms: Bool = false)
        /// `ON`: every user needs a second factor: one-time passwords from an authenticator app (`SOFTWARE_TOKEN_MFA`) when `otp`,
        /// SMS codes (`SMS_MFA`) when `sms`; at least one of the two.
        case required(otp: Bool, sms: Bool = false)
    }

    /// How a user gets back into an account.
    public enum AccountRecovery: Sendable, Hashable {
        /// Each case lists the `RecoveryMechanisms` in priority order. `phoneWithoutMFAAndEmail`: the verified phone number (when
        /// not used for MFA), then the verified email; `emailAndPhoneWithoutMFA`: the verified email, then the phone number;
        /// `emailOnly`: the verified email; `phoneOnlyWithoutMFA`: the verified phone number; `none`: no self-service recovery,
        /// only an administrator can reset the password (`admin_only`).
        case phoneWithoutMFAAndEmail, emailAndPhoneWithoutMFA, emailOnly, phoneOnlyWithoutMFA, none

        var mechanisms: [String] {
            switch self {
            case .phoneWithoutMFAAndEmail: ["verified_phone_number", "verified_email"]
            case .emailAndPhoneWithoutMFA: ["verified_email", "verified_phone_number"]
            case .emailOnly: ["verified_email"]
            case .phoneOnlyWithoutMFA: ["verified_phone_number"]
            case .none: ["admin_only"]
            }
        }
    }

    /// Password rules; each `nil` leaves Cognito's default.
    public struct PasswordPolicy: Sendable, Hashable {
        /// The shortest password allowed (`MinimumLength`), 6 to 99 characters; none written unless given.
        public var minLength: Int?
        /// Whether a password needs a lowercase letter (`RequireLowercase`); none written unless given.
        public var requireLowercase: Bool?
        /// Whether a password needs an uppercase letter (`RequireUppercase`); none written unless given.
        public var requireUppercase: Bool?
        /// Whether a password needs a digit (`RequireNumbers`); none written unless given.
        public var requireDigits: Bool?
        /// Whether a password needs a symbol (`RequireSymbols`); none written unless given.
        public var requireSymbols: Bool?
        /// How many days a temporary password given by an administrator stays valid (`TemporaryPasswordValidityDays`), 0 to 365
        /// (Cognito reads 0 as its default, 7); none written unless given.
        public var temporaryPasswordValidityDays: Int?

        /// A password policy writing only the rules given.
        public init(
            minLength: Int? = nil, requireLowercase: Bool? = nil, requireUppercase: Bool? = nil, requireDigits: Bool? = nil,
            requireSymbols: Bool? = nil, temporaryPasswordValidityDays: Int? = nil
        ) {
            self.minLength = minLength
            self.requireLowercase = requireLowercase
            self.requireUppercase = requireUppercase
            self.requireDigits = requireDigits
            self.requireSymbols = requireSymbols
            self.temporaryPasswordValidityDays = temporaryPasswordValidityDays
        }

        /// The policy as `Policies.PasswordPolicy` writes it.
        var property: CfnCognito.UserPool.PasswordPolicy {
            CfnCognito.UserPool.PasswordPolicy(
                minimumLength: minLength.map { .number(Double($0)) },
                requireLowercase: requireLowercase.map { .bool($0) },
                requireNumbers: requireDigits.map { .bool($0) },
                requireSymbols: requireSymbols.map { .bool($0) },
                requireUppercase: requireUppercase.map { .bool($0) },
                temporaryPasswordValidityDays: temporaryPasswordValidityDays.map { .number(Double($0)) })
        }
    }

    /// A user pool, kept when it leaves the stack unless `removalPolicy` says otherwise.
    public init(
        _ id: String, userPoolName: String? = nil, selfSignUpEnabled: Bool = false, signInAliases: Set<SignInAlias> = [],
        autoVerify: Set<VerifiedAttribute>? = nil, standardAttributes: StandardAttributes = .init(),
        customAttributes: OrderedDictionary<String, CustomAttribute> = [:], passwordPolicy: PasswordPolicy? = nil, mfa: MFA? = nil,
        accountRecovery: AccountRecovery = .phoneWithoutMFAAndEmail, deletionProtection: Bool? = nil, triggers: [Trigger: Function] = [:],
        removalPolicy: RemovalPolicy = .retain
    ) {
        self.id = id
        self.userPoolName = userPoolName
        self.selfSignUpEnabled = selfSignUpEnabled
        self.signInAliases = signInAliases
        self.autoVerify = autoVerify
        self.standardAttributes = standardAttributes
        self.customAttributes = customAttributes
        self.passwordPolicy = passwordPolicy
        self.mfa = mfa
        self.accountRecovery = accountRecovery
        self.deletionProtection = deletionProtection
        self.triggers = triggers
        self.removalPolicy = removalPolicy
    }

    /// `{"Ref": pool}`: the user pool id.
    public var userPoolId: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The user pool's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnCognito.UserPool.Attribute.arn.rawValue))) }

    static let verificationMessage: Value = "The verification code to your new account is {####}"
    static let verificationSubject: Value = "Verify your new account"

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(passwordPolicy?.minLength, in: 6...99, "passwordPolicy.minLength", at: scope)
        try PropertyChecks.check(passwordPolicy?.temporaryPasswordValidityDays, in: 0...365, "passwordPolicy.temporaryPasswordValidityDays", at: scope)
        let attributes = try schema(in: scope)
        let aliases = signInAliases.isEmpty ? [SignInAlias.username] : signInAliases
        var pool = CfnCognito.UserPool(
            accountRecoverySetting: CfnCognito.UserPool.AccountRecoverySetting(
                recoveryMechanisms: accountRecovery.mechanisms.enumerated().map { index, name in
                    CfnCognito.UserPool.RecoveryOption(name: .string(name), priority: .number(Double(index + 1)))
                }),
            adminCreateUserConfig: CfnCognito.UserPool.AdminCreateUserConfig(allowAdminCreateUserOnly: .bool(!selfSignUpEnabled)))
        let others = [SignInAlias.email, .preferredUsername].filter(aliases.contains).map { Value.string($0.rawValue) }
        if aliases.contains(.username) {
            pool.aliasAttributes = others.isEmpty ? nil : .array(others)
        } else {
            guard !aliases.contains(.preferredUsername) else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "signing in with preferredUsername needs username too")
            }
            pool.usernameAttributes = .array(others)
        }
        let verified = autoVerify ?? (aliases.contains(.email) ? [.email] : [])
        pool.autoVerifiedAttributes = verified.isEmpty ? nil : .array(verified.sorted { $0.rawValue < $1.rawValue }.map { .string($0.rawValue) })
        pool.deletionProtection = deletionProtection.map { $0 ? "ACTIVE" : "INACTIVE" }
        pool.emailVerificationMessage = Self.verificationMessage
        pool.emailVerificationSubject = Self.verificationSubject
        pool.lambdaConfig = try declareTriggers(in: scope)
        switch mfa {
        case .optional(let otp, let sms), .required(let otp, let sms):
            guard otp || sms else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "MFA needs a second factor: otp: true, sms: true or both")
            }
            pool.enabledMfas = .array((sms ? ["SMS_MFA"] : []) + (otp ? ["SOFTWARE_TOKEN_MFA"] : []))
            pool.mfaConfiguration = if case .required = mfa { "ON" } else { "OPTIONAL" }
            if sms { pool.smsConfiguration = try declareSmsRole(in: scope) }
        case .off:
            pool.mfaConfiguration = "OFF"
        case nil:
            break
        }
        pool.policies = passwordPolicy.map { CfnCognito.UserPool.Policies(passwordPolicy: $0.property) }
        pool.schema = attributes
        pool.smsVerificationMessage = Self.verificationMessage
        pool.userPoolName = userPoolName.map { .string($0) }
        pool.verificationMessageTemplate = CfnCognito.UserPool.VerificationMessageTemplate(
            defaultEmailOption: "CONFIRM_WITH_CODE", emailMessage: Self.verificationMessage,
            emailSubject: Self.verificationSubject, smsMessage: Self.verificationMessage)
        try scope.declareResource(pool, removalPolicy: removalPolicy)
    }
}

extension UserPool {
    /// The role Cognito publishes SMS messages with (`<Pool>/smsRole`), trusted only with the pool's unique
    /// id as external id, and the pool's `SmsConfiguration`, as CDK writes them.
    func declareSmsRole(in scope: ConstructScope) throws(SynthesisError) -> CfnCognito.UserPool.SmsConfiguration {
        let externalId = Value.string(scope.uniqueId)
        let trust = PolicyDocument(
            [
                PolicyStatement(
                    actions: ["sts:AssumeRole"], principal: ["Service": "cognito-idp.amazonaws.com"],
                    condition: ["StringEquals": ["sts:ExternalId": externalId]])
            ], minimizing: scope.minimizesPolicies)
        let publish = PolicyDocument([PolicyStatement(actions: ["sns:Publish"], resources: ["*"])], minimizing: scope.minimizesPolicies)
        let role = try scope.child("smsRole")
        try role.declareResource(
            CfnIAM.Role(
                assumeRolePolicyDocument: trust.value,
                policies: [CfnIAM.Role.Policy(policyDocument: publish.value, policyName: "sns-publish")]),
            transforms: scope.policyTransforms)
        return CfnCognito.UserPool.SmsConfiguration(
            externalId: externalId,
            snsCallerArn: .reference(Reference(to: self, element: ["smsRole", "Resource"], form: .getAtt(CfnIAM.Role.Attribute.arn.rawValue))))
    }
}
