/// The metadata of every resource type CloudFormation has in us-east-1 (about 1,600 types).
///
/// The table is compiled in as one string and parsed on first use.
public struct ResourceMetadataCatalog: Sendable {
    /// The catalog of the generated table.
    public static let shared = ResourceMetadataCatalog(table: table)

    /// Metadata by type name.
    public let types: [String: ResourceMetadata]

    /// A catalog parsed from lines in the generated table's format.
    init(table: String) {
        var types: [String: ResourceMetadata] = [:]
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
            guard fields.count == 12 else { continue }
            func paths(_ field: Substring) -> [PropertyPath] {
                field.split(separator: ",").map { PropertyPath(pointer: $0) }
            }
            let name = String(fields[0])
            types[name] = ResourceMetadata(
                typeName: name,
                primaryIdentifier: paths(fields[1]),
                createOnly: paths(fields[2]),
                conditionalCreateOnly: paths(fields[3]),
                readOnly: paths(fields[4]),
                writeOnly: paths(fields[5]),
                required: fields[6].split(separator: ",").map(String.init),
                attributes: Set(fields[7].split(separator: ",").map(String.init)),
                specificationReplaces: paths(fields[8]),
                specificationMayReplace: paths(fields[9]),
                isStateful: fields[10].contains("S"),
                isTaggable: fields[10].contains("T"),
                properties: fields[11].split(separator: ",").map(String.init))
        }
        self.types = types
    }

    /// The metadata of `typeName`, if CloudFormation has that type.
    public subscript(typeName: String) -> ResourceMetadata? { types[typeName] }
}
