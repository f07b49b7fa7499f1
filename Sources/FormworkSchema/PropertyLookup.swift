import OrderedCollections

/// The properties of an object schema, found by name with a hash of the name's bytes (FNV-1a) in a table of
/// its own, rather than through a `Dictionary`, whose seeded SipHash made each lookup cost about 370
/// instructions: validation looks up every member of every object it checks.
struct PropertyLookup: Sendable {
    /// The names, in schema order.
    let names: [String]
    /// The schema of each name, in the same order.
    let schemas: [CompiledSchema]
    /// Open addressing, linear probing: each slot holds an index into ``names`` plus one, or 0 when empty. Its
    /// count is a power of two at least twice the number of names, so that probes end soon.
    private let slots: [Int32]

    /// A table of `properties`, in schema order.
    init(_ properties: OrderedDictionary<String, CompiledSchema>) {
        names = properties.keys.elements
        schemas = properties.values.elements
        var capacity = 4
        while capacity < names.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        for (index, name) in names.enumerated() {
            var slot = Self.hash(name) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(index + 1)
        }
        self.slots = slots
    }

    /// The schema of the property `name`, when the object schema has one.
    func schema(named name: String) -> CompiledSchema? {
        guard !names.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Self.hash(name) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if names[index] == name { return schemas[index] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a of the name's UTF-8 bytes, read in place when the string is native.
    private static func hash(_ name: String) -> Int {
        func fold(_ bytes: some Sequence<UInt8>) -> Int {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return Int(truncatingIfNeeded: hash ^ (hash >> 32))
        }
        return name.utf8.withContiguousStorageIfAvailable { fold($0) } ?? fold(name.utf8)
    }
}
