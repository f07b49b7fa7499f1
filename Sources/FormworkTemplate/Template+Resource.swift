import OrderedCollections

extension Template {
    /// One entry of `Resources`: its type, properties and every resource attribute.
    public struct Resource: Sendable, Hashable {
        /// `Type`, such as `AWS::SQS::Queue`.
        public var type: String
        /// `Properties`, in the order they are written.
        public var properties: OrderedDictionary<String, JSONValue>
        /// `DependsOn`: logical IDs this resource waits for. Always written as a list, as CDK does.
        public var dependsOn: [String]
        /// `CreationPolicy`.
        public var creationPolicy: JSONValue?
        /// `UpdatePolicy`.
        public var updatePolicy: JSONValue?
        /// `UpdateReplacePolicy`: `Delete`, `Retain` or `Snapshot`.
        public var updateReplacePolicy: String?
        /// `DeletionPolicy`: `Delete`, `Retain`, `RetainExceptOnCreate` or `Snapshot`.
        public var deletionPolicy: String?
        /// `Metadata`.
        public var metadata: JSONValue?
        /// `Condition`: the name of the condition that decides whether the resource is created.
        public var condition: String?
        /// Attributes CloudFormation accepts that have no field of their own (`Version`, `Description`), and
        /// `DeletionPolicy` or `UpdateReplacePolicy` given as an intrinsic function (`Fn::If`, a `Ref` to a
        /// parameter), kept so that reading and writing a template loses nothing.
        public var otherAttributes: OrderedDictionary<String, JSONValue>

        /// A resource of `type` with the given properties and attributes.
        public init(
            type: String,
            properties: OrderedDictionary<String, JSONValue> = [:],
            dependsOn: [String] = [],
            creationPolicy: JSONValue? = nil,
            updatePolicy: JSONValue? = nil,
            updateReplacePolicy: String? = nil,
            deletionPolicy: String? = nil,
            metadata: JSONValue? = nil,
            condition: String? = nil,
            otherAttributes: OrderedDictionary<String, JSONValue> = [:]
        ) {
            self.type = type
            self.properties = properties
            self.dependsOn = dependsOn
            self.creationPolicy = creationPolicy
            self.updatePolicy = updatePolicy
            self.updateReplacePolicy = updateReplacePolicy
            self.deletionPolicy = deletionPolicy
            self.metadata = metadata
            self.condition = condition
            self.otherAttributes = otherAttributes
        }
    }
}
