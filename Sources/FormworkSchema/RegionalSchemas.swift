import FormworkTemplate

/// What differs in the resource types of each region from us-east-1, whose schemas the catalog holds: the
/// types a region does not have, and the values a region allows where they depend on it (instance types,
/// node types), from cfn-lint's per-region data (generated into `RegionTable.swift` by `Scripts/update-schemas`).
///
/// Without a region, a value is checked against every region's values together: one no region offers is a
/// typo wherever the template goes.
enum RegionalSchemas {
    /// Every region the data covers, in the order of the bits of the table's masks.
    static let knownRegions: [String] = regions.split(separator: "\n").map(String.init)

    /// A set of regions, as the table's hexadecimal masks write it.
    struct RegionSet: Sendable {
        private var bits: [UInt64] = []

        /// The set a mask of hexadecimal digits writes (least significant bit: the first region); `nil` when
        /// `text` holds another character.
        init?(hexadecimal text: Substring) {
            var position = 0
            for byte in text.utf8.reversed() {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                default: return nil
                }
                if position % 64 == 0 { bits.append(0) }
                bits[bits.count - 1] |= UInt64(digit) << UInt64(position % 64)
                position += 4
            }
        }

        /// Whether the region at `position` of ``knownRegions`` is in the set.
        func contains(_ position: Int) -> Bool {
            let word = position / 64
            return word < bits.count && bits[word] & (1 << UInt64(position % 64)) != 0
        }
    }

    /// A list of values that depend on the region.
    struct ValueList: Sendable {
        /// The regions that have data for the list: any other is not checked.
        var covered: RegionSet?
        /// Each value, with the regions that allow it.
        var values: [(value: String, regions: RegionSet)] = []

        /// The values `region` allows (every region's together when `nil`); `nil` when the region has no data.
        func allowed(in region: String?) -> [String]? {
            guard !values.isEmpty else { return nil }
            guard let region else { return values.map(\.value) }
            guard let position = knownRegions.firstIndex(of: region), covered?.contains(position) == true else { return nil }
            return values.filter { $0.regions.contains(position) }.map(\.value)
        }
    }

    /// The value lists, by name, read from the table on first use in one pass over its bytes (splitting it into
    /// strings line by line costs a hundred times more).
    static let listsByName: [String: ValueList] = {
        var found: [String: ValueList] = [:]
        var text = valueLists
        text.withUTF8 { bytes in
            var position = 0
            /// The bytes up to the next `|` or line end, and the position after a `|`.
            func field() -> UnsafeBufferPointer<UInt8> {
                let start = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "|"), bytes[position] != UInt8(ascii: "\n") { position += 1 }
                let field = UnsafeBufferPointer(rebasing: bytes[start..<position])
                if position < bytes.count, bytes[position] == UInt8(ascii: "|") { position += 1 }
                return field
            }
            var name = ""
            var list = ValueList()
            while position < bytes.count {
                let listName = field(), value = field(), mask = field()
                if position < bytes.count { position += 1 }  // the line's end
                let lineName = String(decoding: listName, as: UTF8.self)
                if lineName != name {
                    if !name.isEmpty { found[name] = list }
                    (name, list) = (lineName, ValueList())
                }
                guard let set = RegionSet(hexadecimal: Substring(String(decoding: mask, as: UTF8.self))) else { continue }
                if value.isEmpty { list.covered = set } else { list.values.append((String(decoding: value, as: UTF8.self), set)) }
            }
            if !name.isEmpty { found[name] = list }
        }
        return found
    }()

    /// The regions that lack each type.
    static let absentByType: [String: RegionSet] = {
        var found: [String: RegionSet] = [:]
        for fields in absentTypes.tableRows() {
            if fields.count == 2, let set = RegionSet(hexadecimal: fields[1]) { found[String(fields[0])] = set }
        }
        return found
    }()

    /// By type, where each list applies: a JSON pointer into the type's schema and the list's name.
    static let usesByType: [String: [(pointer: String, list: String)]] = {
        var found: [String: [(pointer: String, list: String)]] = [:]
        for fields in valueListUses.tableRows() {
            if fields.count == 3 { found[String(fields[0]), default: []].append((String(fields[1]), String(fields[2]))) }
        }
        return found
    }()

    /// Whether `region` lacks `type`.
    static func lacks(_ region: String, _ type: String) -> Bool {
        guard let position = knownRegions.firstIndex(of: region) else { return false }
        return absentByType[type]?.contains(position) == true
    }

    /// The `enum`s `region` (every region together when `nil`) sets in `type`'s schema, by JSON pointer.
    static func enums(of type: String, in region: String?) -> [(pointer: String, values: [String])] {
        (usesByType[type] ?? []).compactMap { use in
            listsByName[use.list]?.allowed(in: region).map { (use.pointer, $0) }
        }
    }

    /// `schema` with each of `enums` set as the `enum` of the object its pointer names; a pointer that names
    /// nothing changes nothing.
    static func schema(_ schema: JSONValue, with enums: [(pointer: String, values: [String])]) -> JSONValue {
        var schema = schema
        for (pointer, values) in enums {
            let segments = pointer.split(separator: "/").map { $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") }
            schema = setting(.array(values.map(JSONValue.string)), at: segments[...], in: schema)
        }
        return schema
    }

    private static func setting(_ allowed: JSONValue, at segments: ArraySlice<String>, in node: JSONValue) -> JSONValue {
        guard case .object(var members) = node else { return node }
        guard let first = segments.first else {
            members["enum"] = allowed
            return .object(members)
        }
        guard let child = members[first] else { return node }
        members[first] = setting(allowed, at: segments.dropFirst(), in: child)
        return .object(members)
    }
}
