import FormworkCore
import OrderedCollections

/// A Cognito user pool (CDK's `cognito.UserPool`): the users of an app, how they sign in, their passwords,
/// multi-factor authentication and account recovery, written with CDK's defaults and messages. Retained when
/// the stack is deleted unless told otherwise.
///
/// ```swift
/// let customers = UserPool("Customers", selfSignUpEnabled: true, signInAliases: [.email], mfa: .optional(otp: true))
/// customers
/// customers.client("Web", authFlows: [.userSrp])
/// ```
public struct UserPool: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    public var userPoolName: String?
    public var selfSignUpEnabled: Bool
    /// How users sign in; `[.username]` when empty, as CDK.
    public var signInAliases: Set<SignInAlias>
    /// The attributes Cognito verifies; those of the sign-in aliases (email, phone) when `nil`, as CDK.
    public var autoVerify: Set<VerifiedAttribute>?
    public var passwordPolicy: PasswordPolicy?
    public var mfa: MFA?
    public var accountRecovery: AccountRecovery
    public var deletionProtection: Bool?
    /// The functions Cognito calls at each step of signing up and in.
    public var triggers: [Trigger: Function]
    public var removalPolicy: RemovalPolicy

    /// What a user may sign in with.
    public enum SignInAlias: String, Sendable, Hashable {
        case username, email
        case preferredUsername = "preferred_username"
    }

    /// The attributes Cognito can verify.
    public enum VerifiedAttribute: String, Sendable, Hashable {
        case email
    }

    /// Multi-factor authentication: off, optional or required, with one-time passwords from an app, codes by
    /// SMS, or both. SMS needs a role Cognito sends through SNS with: the pool makes it at `<Pool>/smsRole`,
    /// as CDK does.
    public enum MFA: Sendable, Hashable {
        case off
        case optional(otp: Bool, sms: Bool = false)
        case required(otp: Bool, sms: Bool = false)
    }

    /// How a user gets back into an account.
    public enum AccountRecovery: Sendable, Hashable {
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
        public var minLength: Int?
        public var requireLowercase: Bool?
        public var requireUppercase: Bool?
        public var requireDigits: Bool?
        public var requireSymbols: Bool?
        public var temporaryPasswordValidityDays: Int?

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

        var value: Value {
            var policy = OrderedDictionary<String, Value>()
            policy["MinimumLength"] = minLength.map { .number(Double($0)) }
            policy["RequireLowercase"] = requireLowercase.map { .bool($0) }
            policy["RequireNumbers"] = requireDigits.map { .bool($0) }
            policy["RequireSymbols"] = requireSymbols.map { .bool($0) }
            policy["RequireUppercase"] = requireUppercase.map { .bool($0) }
            policy["TemporaryPasswordValidityDays"] = temporaryPasswordValidityDays.map { .number(Double($0)) }
            return .object(policy)
        }
    }

    public init(
        _ id: String, userPoolName: String? = nil, selfSignUpEnabled: Bool = false, signInAliases: Set<SignInAlias> = [],
        autoVerify: Set<VerifiedAttribute>? = nil, passwordPolicy: PasswordPolicy? = nil, mfa: MFA? = nil,
        accountRecovery: AccountRecovery = .phoneWithoutMFAAndEmail, deletionProtection: Bool? = nil, triggers: [Trigger: Function] = [:],
        removalPolicy: RemovalPolicy = .retain
    ) {
        self.id = id
        self.userPoolName = userPoolName
        self.selfSignUpEnabled = selfSignUpEnabled
        self.signInAliases = signInAliases
        self.autoVerify = autoVerify
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
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt("Arn"))) }

    static let verificationMessage: Value = "The verification code to your new account is {####}"
    static let verificationSubject: Value = "Verify your new account"

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(passwordPolicy?.minLength, in: 6...99, "passwordPolicy.minLength", at: scope)
        try PropertyChecks.check(passwordPolicy?.temporaryPasswordValidityDays, in: 0...365, "passwordPolicy.temporaryPasswordValidityDays", at: scope)
        let aliases = signInAliases.isEmpty ? [SignInAlias.username] : signInAliases
        var properties = OrderedDictionary<String, Value>()
        properties["AccountRecoverySetting"] = [
            "RecoveryMechanisms": .array(
                accountRecovery.mechanisms.enumerated().map { index, name in
                    ["Name": .string(name), "Priority": .number(Double(index + 1))]
                })
        ]
        properties["AdminCreateUserConfig"] = ["AllowAdminCreateUserOnly": .bool(!selfSignUpEnabled)]
        let others = [SignInAlias.email, .preferredUsername].filter(aliases.contains).map { Value.string($0.rawValue) }
        if aliases.contains(.username) {
            properties["AliasAttributes"] = others.isEmpty ? nil : .array(others)
        } else {
            guard !aliases.contains(.preferredUsername) else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "signing in with preferredUsername needs username too")
            }
            properties["UsernameAttributes"] = .array(others)
        }
        let verified = autoVerify ?? (aliases.contains(.email) ? [.email] : [])
        properties["AutoVerifiedAttributes"] = verified.isEmpty ? nil : .array(verified.sorted { $0.rawValue < $1.rawValue }.map { .string($0.rawValue) })
        properties["DeletionProtection"] = deletionProtection.map { $0 ? "ACTIVE" : "INACTIVE" }
        properties["EmailVerificationMessage"] = Self.verificationMessage
        properties["EmailVerificationSubject"] = Self.verificationSubject
        properties["LambdaConfig"] = try declareTriggers(in: scope)
        switch mfa {
        case .optional(let otp, let sms), .required(let otp, let sms):
            guard otp || sms else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "MFA needs a second factor: otp: true, sms: true or both")
            }
            properties["EnabledMfas"] = .array((sms ? ["SMS_MFA"] : []) + (otp ? ["SOFTWARE_TOKEN_MFA"] : []))
            properties["MfaConfiguration"] = if case .required = mfa { "ON" } else { "OPTIONAL" }
            if sms { properties["SmsConfiguration"] = try declareSmsRole(in: scope) }
        case .off:
            properties["MfaConfiguration"] = "OFF"
        case nil:
            break
        }
        properties["Policies"] = passwordPolicy.map { ["PasswordPolicy": $0.value] }
        properties["SmsVerificationMessage"] = Self.verificationMessage
        properties["UserPoolName"] = userPoolName.map { .string($0) }
        properties["VerificationMessageTemplate"] = [
            "DefaultEmailOption": "CONFIRM_WITH_CODE", "EmailMessage": Self.verificationMessage,
            "EmailSubject": Self.verificationSubject, "SmsMessage": Self.verificationMessage,
        ]
        try scope.declareResource("AWS::Cognito::UserPool", properties: properties, removalPolicy: removalPolicy)
    }
}

extension UserPool {
    /// The role Cognito publishes SMS messages with (`<Pool>/smsRole`), trusted only with the pool's unique
    /// id as external id, and the pool's `SmsConfiguration`, as CDK writes them.
    func declareSmsRole(in scope: ConstructScope) throws(SynthesisError) -> Value {
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
            "AWS::IAM::Role",
            properties: [
                "AssumeRolePolicyDocument": trust.value,
                "Policies": [["PolicyDocument": publish.value, "PolicyName": "sns-publish"]],
            ], transforms: scope.policyTransforms)
        return ["ExternalId": externalId, "SnsCallerArn": .reference(Reference(to: self, element: ["smsRole", "Resource"], form: .getAtt("Arn")))]
    }
}
