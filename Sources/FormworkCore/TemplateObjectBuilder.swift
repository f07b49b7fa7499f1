import OrderedCollections

/// The members of a template object, appended in the order they are written, each key once: how the typed L1
/// writes its properties, without the lookup (a scan of the keys so far, or a hash) that assigning through a
/// dictionary's subscript makes for every key, set or not.
///
/// ```swift
/// var object = TemplateObjectBuilder(capacity: 2)
/// object.add("QueueName", queueName)  // left out when `nil`
/// object.add("VisibilityTimeout", .number(30))
/// let properties = object.members
/// ```
public struct TemplateObjectBuilder {
    private var keys: [String] = []
    private var values: [Value] = []

    /// A builder with room for `capacity` members (the number of keys the object may have; 0 or more).
    public init(capacity: Int) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Appends `key` with `value`, or nothing when `value` is `nil`. Keys come in the order the template writes
    /// them, each once.
    public mutating func add(_ key: String, _ value: Value?) {
        guard let value else { return }
        keys.append(key)
        values.append(value)
    }

    /// The members added, in order.
    public var members: OrderedDictionary<String, Value> {
        OrderedDictionary(uncheckedUniqueKeys: keys, values: values)
    }
}
