import FormworkTemplate

extension ValidationRun {
    /// A table's `AttributeDefinitions` are exactly the attributes its keys and its indexes' keys use:
    /// DynamoDB refuses a definition no key uses, and a key attribute without a definition (cfn-lint E3039).
    mutating func checkKeyAttributes(of table: Template.Resource, path: [String]) {
        let properties = table.properties
        guard let definitions = properties["AttributeDefinitions"]?.arrayValue else { return }
        var defined: Set<String> = []
        for definition in definitions {
            guard let name = definition["AttributeName"]?.stringValue else { return }
            defined.insert(name)
        }
        var keySchemas: [JSONValue?] = [properties["KeySchema"]]
        for indexes in ["GlobalSecondaryIndexes", "LocalSecondaryIndexes"] {
            guard let value = properties[indexes] else { continue }
            guard let list = value.arrayValue else { return }
            keySchemas += list.map { $0["KeySchema"] }
        }
        var used: Set<String> = []
        for case let schema? in keySchemas {
            guard let keys = schema.arrayValue else { return }
            for key in keys {
                guard let name = key["AttributeName"]?.stringValue else { return }
                used.insert(name)
            }
        }
        let unused = defined.subtracting(used).sorted()
        let undefined = used.subtracting(defined).sorted()
        if !unused.isEmpty {
            error(
                "key-attributes", path + ["AttributeDefinitions"],
                "AttributeDefinitions defines \(unused.map { "'\($0)'" }.joined(separator: ", ")), which no key schema of the table or its indexes uses; DynamoDB accepts definitions of key attributes only, so remove \(unused.count == 1 ? "it" : "them")"
            )
        }
        if !undefined.isEmpty {
            error(
                "key-attributes", path + ["AttributeDefinitions"],
                "the key attribute\(undefined.count == 1 ? "" : "s") \(undefined.map { "'\($0)'" }.joined(separator: ", ")) \(undefined.count == 1 ? "has" : "have") no entry in AttributeDefinitions; add one with its AttributeType"
            )
        }
    }
}
