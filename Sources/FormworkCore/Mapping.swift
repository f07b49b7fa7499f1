import FormworkTemplate

/// A template mapping: a two-level lookup table, read with `Fn::FindInMap`.
///
/// ```swift
/// let sizes = Mapping("Sizes", ["prod": ["Memory": 1024], "dev": ["Memory": 256]])
/// Resource("Fn", type: "AWS::Lambda::Function", properties: ["MemorySize": sizes.find(stage.value, "Memory")])
/// ```
public struct Mapping: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The table: top-level keys to second-level keys to values.
    public let table: JSONValue

    /// A mapping named by `id`'s logical ID.
    public init(_ id: String, _ table: JSONValue) {
        self.id = id
        self.table = table
    }

    /// `{"Fn::FindInMap": [mapping, topLevelKey, secondLevelKey]}`.
    public func find(_ topLevelKey: Value, _ secondLevelKey: Value) -> Value {
        .intrinsic("Fn::FindInMap", [.reference(Reference(to: self, form: .logicalId)), topLevelKey, secondLevelKey])
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try scope.declare(.mapping(table))
    }
}
