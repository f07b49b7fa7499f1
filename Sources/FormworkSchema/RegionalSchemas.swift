import FormworkTemplate

/// What differs in the resource types of each region from us-east-1, whose schemas the catalog holds: the
/// types a region does not have, and the values a region allows where they depend on it (instance types),
/// from cfn-lint's per-region data (generated into `RegionTable.swift` by `Scripts/update-schemas`).
enum RegionalSchemas {
    /// One region's differences.
    struct Differences: Sendable {
        /// The types the region does not have.
        var absentTypes: Set<String> = []
        /// By type, the `enum` the region allows at a JSON pointer into the type's schema, as JSON text.
        var enums: [String: [(pointer: String, values: String)]] = [:]
    }

    /// Every region the data covers.
    static let knownRegions: [String] = regions.split(separator: "\n").map(String.init)

    /// The differences of every region, read from the table on first use.
    static let byRegion: [String: Differences] = {
        var found: [String: Differences] = [:]
        for line in differences.split(separator: "\n") {
            let fields = line.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count >= 3 else { continue }
            let region = String(fields[0]), type = String(fields[1])
            if fields.count == 3, fields[2] == "-" {
                found[region, default: Differences()].absentTypes.insert(type)
            } else if fields.count == 4 {
                found[region, default: Differences()].enums[type, default: []].append((String(fields[2]), String(fields[3])))
            }
        }
        return found
    }()

    /// `schema` with each of `enums` set as the `enum` of the object its pointer names; a pointer that names
    /// nothing changes nothing.
    static func schema(_ schema: JSONValue, with enums: [(pointer: String, values: String)]) -> JSONValue {
        var schema = schema
        for (pointer, values) in enums {
            guard let allowed = try? JSONReader.parse(values) else { continue }
            let segments = pointer.split(separator: "/").map { $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") }
            schema = setting(allowed, at: segments[...], in: schema)
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
