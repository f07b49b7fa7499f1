import OrderedCollections

/// Reads the members of one JSON object of a template, turning a wrongly shaped member into a
/// ``TemplateStructureError`` that names its path.
struct StructureReader {
    let members: OrderedDictionary<String, JSONValue>
    let path: String

    init(_ value: JSONValue, path: String) throws(TemplateStructureError) {
        guard case .object(let members) = value else {
            throw TemplateStructureError(path: path.isEmpty ? "<root>" : path, message: "expected an object, found \(value.kindName)")
        }
        self.members = members
        self.path = path
    }

    var keys: OrderedSet<String> { members.keys }

    func error(_ message: String) -> TemplateStructureError {
        TemplateStructureError(path: path.isEmpty ? "<root>" : path, message: message)
    }

    func error(at key: String, _ message: String) -> TemplateStructureError {
        TemplateStructureError(path: path.isEmpty ? key : "\(path).\(key)", message: message)
    }

    func value(_ key: String) -> JSONValue? { members[key] }

    func string(_ key: String) throws(TemplateStructureError) -> String? {
        guard let value = members[key] else { return nil }
        guard case .string(let string) = value else { throw error(at: key, "expected a string, found \(value.kindName)") }
        return string
    }

    /// A number, or a string holding a decimal number (CloudFormation reads both), as written.
    func number(_ key: String) throws(TemplateStructureError) -> JSONValue? {
        switch members[key] {
        case nil: return nil
        case let value? where value.numberValue != nil: return value
        case .string(let text)?:
            guard JSONNumberText.Decimal(Substring(text)) != nil else { throw error(at: key, "expected a number, found '\(text)'") }
            return .string(text)
        case let value?: throw error(at: key, "expected a number, found \(value.kindName)")
        }
    }

    func bool(_ key: String) throws(TemplateStructureError) -> Bool? {
        switch members[key] {
        case nil: return nil
        case .bool(let flag): return flag
        case .string("true"): return true
        case .string("false"): return false
        case let value?: throw error(at: key, "expected true or false, found \(value.kindName)")
        }
    }

    func object(_ key: String) throws(TemplateStructureError) -> OrderedDictionary<String, JSONValue> {
        guard let value = members[key] else { return [:] }
        guard case .object(let object) = value else { throw error(at: key, "expected an object, found \(value.kindName)") }
        return object
    }

    func array(_ key: String) throws(TemplateStructureError) -> [JSONValue]? {
        guard let value = members[key] else { return nil }
        guard case .array(let array) = value else { throw error(at: key, "expected a list, found \(value.kindName)") }
        return array
    }

    /// A string or a list of strings (as `DependsOn` may be written), as a list.
    func stringOrStrings(_ key: String) throws(TemplateStructureError) -> [String] {
        switch members[key] {
        case nil: return []
        case .string(let single): return [single]
        case .array(let elements):
            var strings: [String] = []
            for element in elements {
                guard case .string(let string) = element else {
                    throw error(at: key, "expected a list of logical IDs, found a \(element.kindName) in it")
                }
                strings.append(string)
            }
            return strings
        case let value?: throw error(at: key, "expected a logical ID or a list of them, found \(value.kindName)")
        }
    }
}
