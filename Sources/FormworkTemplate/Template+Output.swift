extension Template {
    /// One entry of `Outputs`.
    public struct Output: Sendable, Hashable {
        /// `Value`.
        public var value: JSONValue
        /// `Description`.
        public var description: String?
        /// `Export.Name`: the name other stacks import the value by.
        public var exportName: JSONValue?
        /// `Condition`.
        public var condition: String?

        /// An output of `value`, optionally exported as `exportName`.
        public init(value: JSONValue, description: String? = nil, exportName: JSONValue? = nil, condition: String? = nil) {
            self.value = value
            self.description = description
            self.exportName = exportName
            self.condition = condition
        }
    }
}
