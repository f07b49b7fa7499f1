import OrderedCollections

extension Template {
    /// One entry of `Resources`: its type, properties and every resource attribute.
    ///
    /// Its fields live in one copy-on-write box: a template's resources are copied whenever they are read out
    /// of it (each validation pass copies each one), and a copy of ten fields cost a reference-count update for
    /// each of their references; it now costs one, and the first change to a shared copy copies the box.
    public struct Resource: Sendable, Hashable {
        private var box: Box

        /// `Type`, such as `AWS::SQS::Queue`.
        public var type: String {
            get { box.fields.type }
            _modify { yield &uniqueBox.fields.type }
        }
        /// `Properties`, in the order they are written.
        public var properties: OrderedDictionary<String, JSONValue> {
            get { box.fields.properties }
            _modify { yield &uniqueBox.fields.properties }
        }
        /// `DependsOn`: logical IDs this resource waits for. Always written as a list, as CDK does.
        public var dependsOn: [String] {
            get { box.fields.dependsOn }
            _modify { yield &uniqueBox.fields.dependsOn }
        }
        /// `CreationPolicy`.
        public var creationPolicy: JSONValue? {
            get { box.fields.creationPolicy }
            _modify { yield &uniqueBox.fields.creationPolicy }
        }
        /// `UpdatePolicy`.
        public var updatePolicy: JSONValue? {
            get { box.fields.updatePolicy }
            _modify { yield &uniqueBox.fields.updatePolicy }
        }
        /// `UpdateReplacePolicy`: `Delete`, `Retain` or `Snapshot`.
        public var updateReplacePolicy: String? {
            get { box.fields.updateReplacePolicy }
            _modify { yield &uniqueBox.fields.updateReplacePolicy }
        }
        /// `DeletionPolicy`: `Delete`, `Retain`, `RetainExceptOnCreate` or `Snapshot`.
        public var deletionPolicy: String? {
            get { box.fields.deletionPolicy }
            _modify { yield &uniqueBox.fields.deletionPolicy }
        }
        /// `Metadata`.
        public var metadata: JSONValue? {
            get { box.fields.metadata }
            _modify { yield &uniqueBox.fields.metadata }
        }
        /// `Condition`: the name of the condition that decides whether the resource is created.
        public var condition: String? {
            get { box.fields.condition }
            _modify { yield &uniqueBox.fields.condition }
        }
        /// Attributes CloudFormation accepts that have no field of their own (`Version`, `Description`), and
        /// `DeletionPolicy` or `UpdateReplacePolicy` given as an intrinsic function (`Fn::If`, a `Ref` to a
        /// parameter), kept so that reading and writing a template loses nothing.
        public var otherAttributes: OrderedDictionary<String, JSONValue> {
            get { box.fields.otherAttributes }
            _modify { yield &uniqueBox.fields.otherAttributes }
        }

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
            box = Box(
                Fields(
                    type: type, properties: properties, dependsOn: dependsOn, creationPolicy: creationPolicy,
                    updatePolicy: updatePolicy, updateReplacePolicy: updateReplacePolicy, deletionPolicy: deletionPolicy,
                    metadata: metadata, condition: condition, otherAttributes: otherAttributes))
        }

        /// The box, copied first when another resource value shares it.
        private var uniqueBox: Box {
            mutating get {
                if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
                return box
            }
        }

        /// Whether the two have equal fields. Two copies of one resource are equal without comparing, as
        /// arrays are (so a resource holding a NaN number equals its copy).
        public static func == (left: Resource, right: Resource) -> Bool {
            left.box === right.box || left.box.fields == right.box.fields
        }

        /// Hashes every field, as equality compares them.
        public func hash(into hasher: inout Hasher) {
            box.fields.hash(into: &hasher)
        }
    }
}

extension Template.Resource {
    /// A resource's fields.
    fileprivate struct Fields: Hashable {
        var type: String
        var properties: OrderedDictionary<String, JSONValue>
        var dependsOn: [String]
        var creationPolicy: JSONValue?
        var updatePolicy: JSONValue?
        var updateReplacePolicy: String?
        var deletionPolicy: String?
        var metadata: JSONValue?
        var condition: String?
        var otherAttributes: OrderedDictionary<String, JSONValue>
    }

    /// The fields, shared by copies of a resource until one of them changes. Only a resource value holding the
    /// sole reference to a box changes it (`uniqueBox`), which makes sharing boxes between threads sound, and
    /// leaves no access to the fields that another could overlap: the run-time exclusivity check (a call on
    /// each read) is left out.
    fileprivate final class Box: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }
}
