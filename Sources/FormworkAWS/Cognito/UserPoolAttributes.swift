import FormworkCore
import FormworkL1
import OrderedCollections

extension UserPool {
    /// Whether a standard attribute is required at sign-up and whether it can change after (CDK's
    /// `cognito.StandardAttribute`), written as an entry of the pool's `Schema`.
    ///
    /// ```swift
    /// UserPool("Pool", standardAttributes: .init(email: .init(required: true, mutable: false)))
    /// ```
    public struct StandardAttribute: Sendable, Hashable {
        /// Whether every user must have the attribute (`Required`); `false` unless given, as in CDK. Cognito cannot change it
        /// once the pool exists.
        public var required: Bool
        /// Whether the attribute can change after sign-up (`Mutable`); `true` unless given, as in CDK. Cognito cannot change it
        /// once the pool exists.
        public var mutable: Bool

        /// A standard attribute: optional and changeable unless told otherwise, as in CDK.
        public init(required: Bool = false, mutable: Bool = true) {
            self.required = required
            self.mutable = mutable
        }
    }

    /// The standard (OpenID Connect) attributes the pool declares (CDK's `cognito.StandardAttributes`), each an entry of the
    /// pool's `Schema` (`Name`, `Mutable`, `Required`) in the order of these properties, as CDK writes them; every one `nil`
    /// (the default) leaves it out, and Cognito keeps it optional and changeable.
    ///
    /// ```swift
    /// UserPool("Pool", standardAttributes: .init(email: .init(required: true), fullname: .init(mutable: false)))
    /// ```
    public struct StandardAttributes: Sendable, Hashable {
        /// `address`: the postal address; not declared unless given.
        public var address: StandardAttribute?
        /// `birthdate`: the birthday, `YYYY-MM-DD`; not declared unless given.
        public var birthdate: StandardAttribute?
        /// `email`: the email address; not declared unless given.
        public var email: StandardAttribute?
        /// `family_name`: the surname; not declared unless given.
        public var familyName: StandardAttribute?
        /// `name`: the full name; not declared unless given.
        public var fullname: StandardAttribute?
        /// `gender`; not declared unless given.
        public var gender: StandardAttribute?
        /// `given_name`: the first name; not declared unless given.
        public var givenName: StandardAttribute?
        /// `updated_at`: when the user's information last changed; not declared unless given.
        public var lastUpdateTime: StandardAttribute?
        /// `locale`: the user's locale, such as `en-GB`; not declared unless given.
        public var locale: StandardAttribute?
        /// `middle_name`; not declared unless given.
        public var middleName: StandardAttribute?
        /// `nickname`: a casual name; not declared unless given.
        public var nickname: StandardAttribute?
        /// `phone_number`: the phone number, `+` and digits; not declared unless given.
        public var phoneNumber: StandardAttribute?
        /// `preferred_username`: the user name the user chose; not declared unless given.
        public var preferredUsername: StandardAttribute?
        /// `profile`: the URL of the user's profile page; not declared unless given.
        public var profilePage: StandardAttribute?
        /// `picture`: the URL of the user's picture; not declared unless given.
        public var profilePicture: StandardAttribute?
        /// `zoneinfo`: the user's time zone, such as `Europe/Paris`; not declared unless given.
        public var timezone: StandardAttribute?
        /// `website`: the URL of the user's web site; not declared unless given.
        public var website: StandardAttribute?

        /// The attributes given; each one not given is left out.
        public init(
            address: StandardAttribute? = nil, birthdate: StandardAttribute? = nil, email: StandardAttribute? = nil,
            familyName: StandardAttribute? = nil, fullname: StandardAttribute? = nil, gender: StandardAttribute? = nil,
            givenName: StandardAttribute? = nil, lastUpdateTime: StandardAttribute? = nil, locale: StandardAttribute? = nil,
            middleName: StandardAttribute? = nil, nickname: StandardAttribute? = nil, phoneNumber: StandardAttribute? = nil,
            preferredUsername: StandardAttribute? = nil, profilePage: StandardAttribute? = nil, profilePicture: StandardAttribute? = nil,
            timezone: StandardAttribute? = nil, website: StandardAttribute? = nil
        ) {
            self.address = address
            self.birthdate = birthdate
            self.email = email
            self.familyName = familyName
            self.fullname = fullname
            self.gender = gender
            self.givenName = givenName
            self.lastUpdateTime = lastUpdateTime
            self.locale = locale
            self.middleName = middleName
            self.nickname = nickname
            self.phoneNumber = phoneNumber
            self.preferredUsername = preferredUsername
            self.profilePage = profilePage
            self.profilePicture = profilePicture
            self.timezone = timezone
            self.website = website
        }

        /// The attributes given with Cognito's names, in CDK's order.
        var named: [(String, StandardAttribute)] {
            let all: [(String, StandardAttribute?)] = [
                ("address", address), ("birthdate", birthdate), ("email", email), ("family_name", familyName), ("name", fullname),
                ("gender", gender), ("given_name", givenName), ("updated_at", lastUpdateTime), ("locale", locale),
                ("middle_name", middleName), ("nickname", nickname), ("phone_number", phoneNumber),
                ("preferred_username", preferredUsername), ("profile", profilePage), ("picture", profilePicture),
                ("zoneinfo", timezone), ("website", website),
            ]
            var given: [(String, StandardAttribute)] = []
            for (name, attribute) in all {
                if let attribute { given.append((name, attribute)) }
            }
            return given
        }
    }

    /// An attribute of the app's own (CDK's `StringAttribute`, `NumberAttribute`, `BooleanAttribute` and `DateTimeAttribute`),
    /// written as an entry of the pool's `Schema` with its `AttributeDataType`; Cognito names it `custom:<name>`. `mutable`
    /// (`Mutable`) is left out unless given, and Cognito makes the attribute changeable.
    ///
    /// ```swift
    /// UserPool("Pool", customAttributes: ["tenant": .string(minLen: 1, maxLen: 64, mutable: false), "age": .number(min: 18)])
    /// ```
    public enum CustomAttribute: Sendable, Hashable {
        /// `String`: text of `minLen` to `maxLen` characters (`StringAttributeConstraints`), `minLen` at least 0 and `maxLen` at
        /// most 2048; neither written unless one of them is given and not 0, as CDK writes them.
        case string(minLen: Int? = nil, maxLen: Int? = nil, mutable: Bool? = nil)
        /// `Number`: a whole number from `min` to `max` (`NumberAttributeConstraints`); neither written unless one of them is given
        /// and not 0, as CDK writes them.
        case number(min: Int? = nil, max: Int? = nil, mutable: Bool? = nil)
        /// `Boolean`: `true` or `false`.
        case boolean(mutable: Bool? = nil)
        /// `DateTime`: a date and time.
        case dateTime(mutable: Bool? = nil)

        /// The `Schema` entry of the attribute named `name`, as CDK's `UserPool` writes it: the constraints as strings, and
        /// only when a bound is given and not 0.
        func schemaAttribute(named name: String) -> CfnCognito.UserPool.SchemaAttribute {
            func text(_ number: Int?) -> Value? { number.map { .string(String($0)) } }
            switch self {
            case .string(let minLen, let maxLen, let mutable):
                let constrained = (minLen ?? 0) != 0 || (maxLen ?? 0) != 0
                let constraints = CfnCognito.UserPool.StringAttributeConstraints(maxLength: text(maxLen), minLength: text(minLen))
                return CfnCognito.UserPool.SchemaAttribute(
                    attributeDataType: "String", mutable: mutable.map { .bool($0) }, name: .string(name),
                    stringAttributeConstraints: constrained ? constraints : nil)
            case .number(let min, let max, let mutable):
                let constrained = (min ?? 0) != 0 || (max ?? 0) != 0
                let constraints = CfnCognito.UserPool.NumberAttributeConstraints(maxValue: text(max), minValue: text(min))
                return CfnCognito.UserPool.SchemaAttribute(
                    attributeDataType: "Number", mutable: mutable.map { .bool($0) }, name: .string(name),
                    numberAttributeConstraints: constrained ? constraints : nil)
            case .boolean(let mutable):
                return CfnCognito.UserPool.SchemaAttribute(attributeDataType: "Boolean", mutable: mutable.map { .bool($0) }, name: .string(name))
            case .dateTime(let mutable):
                return CfnCognito.UserPool.SchemaAttribute(attributeDataType: "DateTime", mutable: mutable.map { .bool($0) }, name: .string(name))
            }
        }
    }

    /// The pool's `Schema`: the standard attributes given, then the custom ones in the order given, as CDK writes them; `nil`
    /// when there is none.
    func schema(in scope: ConstructScope) throws(SynthesisError) -> [CfnCognito.UserPool.SchemaAttribute]? {
        for (name, attribute) in customAttributes {
            guard (1...20).contains(name.count) else {
                throw SynthesisError(
                    .invalidSetting, paths: [scope.path], "the custom attribute name '\(name)' must be 1 to 20 characters (Cognito's limit)")
            }
            if case .string(let minLen, let maxLen, _) = attribute {
                if let minLen, minLen < 0 {
                    throw SynthesisError(.invalidSetting, paths: [scope.path], "the custom attribute '\(name)' has minLen \(minLen); it cannot be less than 0")
                }
                if let maxLen, maxLen > 2048 {
                    throw SynthesisError(
                        .invalidSetting, paths: [scope.path], "the custom attribute '\(name)' has maxLen \(maxLen); it cannot be greater than 2048")
                }
            }
        }
        let standard = standardAttributes.named.map { name, attribute in
            CfnCognito.UserPool.SchemaAttribute(mutable: .bool(attribute.mutable), name: .string(name), required: .bool(attribute.required))
        }
        let custom = customAttributes.map { name, attribute in attribute.schemaAttribute(named: name) }
        let entries = standard + custom
        return entries.isEmpty ? nil : entries
    }
}
