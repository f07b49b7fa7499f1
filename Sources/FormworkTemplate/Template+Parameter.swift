extension Template {
    /// One entry of `Parameters`.
    ///
    /// The numeric constraints are kept as they are written (a number, or a number in a string), so that
    /// reading and writing a template never changes them.
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
        public var maxLength: JSONValue?
        /// `MaxValue`.
        public var maxValue: JSONValue?
        /// `MinLength`.
        public var minLength: JSONValue?
        /// `MinValue`.
        public var minValue: JSONValue?
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
            maxLength: JSONValue? = nil,
            maxValue: JSONValue? = nil,
            minLength: JSONValue? = nil,
            minValue: JSONValue? = nil,
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
