extension Template {
    /// One entry of `Parameters`.
    public struct Parameter: Sendable, Hashable {
        /// `Type`, such as `String`, `Number` or `AWS::SSM::Parameter::Value<String>`.
        public var type: String
        /// `Default`.
        public var defaultValue: JSONValue?
        /// `AllowedPattern`.
        public var allowedPattern: String?
        /// `AllowedValues`.
        public var allowedValues: [JSONValue]?
        /// `ConstraintDescription`.
        public var constraintDescription: String?
        /// `Description`.
        public var description: String?
        /// `MaxLength`.
        public var maxLength: Int?
        /// `MaxValue`.
        public var maxValue: Double?
        /// `MinLength`.
        public var minLength: Int?
        /// `MinValue`.
        public var minValue: Double?
        /// `NoEcho`.
        public var noEcho: Bool?

        /// A parameter of `type`; every constraint optional.
        public init(
            type: String,
            defaultValue: JSONValue? = nil,
            allowedPattern: String? = nil,
            allowedValues: [JSONValue]? = nil,
            constraintDescription: String? = nil,
            description: String? = nil,
            maxLength: Int? = nil,
            maxValue: Double? = nil,
            minLength: Int? = nil,
            minValue: Double? = nil,
            noEcho: Bool? = nil
        ) {
            self.type = type
            self.defaultValue = defaultValue
            self.allowedPattern = allowedPattern
            self.allowedValues = allowedValues
            self.constraintDescription = constraintDescription
            self.description = description
            self.maxLength = maxLength
            self.maxValue = maxValue
            self.minLength = minLength
            self.minValue = minValue
            self.noEcho = noEcho
        }
    }
}
