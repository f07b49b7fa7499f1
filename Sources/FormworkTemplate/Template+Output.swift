import OrderedCollections

extension Template {
    /// One entry of `Outputs`.
    public struct Output: Sendable, Hashable {
        /// `Value`.
        public var value: JSONValue
        /// `Description`.
        public var description: String?
        /// `Export`, as written: its `Name` and anything else it holds (which CloudFormation refuses, and
        /// validation reports), so that nothing written is lost.
        public var export: OrderedDictionary<String, JSONValue>
        /// `Condition`.
        public var condition: String?

        /// `Export.Name`: the name other stacks import the value by.
        public var exportName: JSONValue? {
            get { export["Name"] }
            set { export["Name"] = newValue }
        }

        /// An output of `value`, optionally exported as `exportName`.
        public init(value: JSONValue, description: String? = nil, exportName: JSONValue? = nil, condition: String? = nil) {
            self.value = value
            self.description = description
            self.export = exportName.map { ["Name": $0] } ?? [:]
            self.condition = condition
        }
    }
}
