import OrderedCollections

/// `Fn::ForEach` of the `AWS::LanguageExtensions` transform, expanded as CloudFormation expands it before
/// anything else reads the template:
///
/// ```yaml
/// Fn::ForEach::Topics:
///   - Name                       # the identifier
///   - [Orders, Payments]         # the collection (a list, or a Ref to a list parameter)
///   - Topic${Name}:              # the fragment, once per item: ${Name} and &{Name} in keys and strings,
///       Type: AWS::SNS::Topic    # and {Ref: Name}, become the item (&{} without its non-alphanumerics)
///       Properties: {TopicName: !Ref Name}
/// ```
///
/// A collection known only at deploy (a parameter without a default, a value of another resource) cannot
/// be expanded here: its loop is left out and named in ``Template/unexpandedLoops``, so that validation says
/// what it could not check.
struct ForEachExpansion {
    /// The defaults of the template's parameters, by name: what a `Ref` collection stands for.
    let parameterDefaults: [String: JSONValue]
    /// The loops that could not be expanded, by path.
    private(set) var unexpanded: [String] = []

    init(parameterDefaults: [String: JSONValue]) {
        self.parameterDefaults = parameterDefaults
    }

    /// `section` with each `Fn::ForEach::…` key replaced by the entries it stands for.
    mutating func expand(_ section: OrderedDictionary<String, JSONValue>, path: String) throws(TemplateStructureError) -> OrderedDictionary<String, JSONValue> {
        var result = OrderedDictionary<String, JSONValue>()
        for (key, value) in section {
            guard key.hasPrefix("Fn::ForEach::") else {
                result[key] = value
                continue
            }
            let loopPath = path.isEmpty ? key : "\(path).\(key)"
            guard case .array(let parts) = value, parts.count == 3, case .string(let identifier) = parts[0], case .object(let fragment) = parts[2] else {
                throw TemplateStructureError(path: loopPath, message: "Fn::ForEach takes [identifier, collection, {key: value}]")
            }
            guard let items = collection(parts[1]) else {
                unexpanded.append(loopPath)
                continue
            }
            for item in items {
                let substituted = Self.substitute(.object(fragment), identifier: identifier, item: item)
                guard case .object(let entries) = substituted else { continue }
                for (entryKey, entryValue) in try expand(entries, path: path) {
                    guard result[entryKey] == nil, section[entryKey] == nil else {
                        throw TemplateStructureError(path: loopPath, message: "the loop writes '\(entryKey)' twice; make each key depend on the identifier")
                    }
                    result[entryKey] = entryValue
                }
            }
        }
        return result
    }

    /// The items of a collection: a list of strings, or a `Ref` to a list parameter's default.
    private func collection(_ value: JSONValue) -> [String]? {
        switch value {
        case .array(let items):
            let strings = items.compactMap(\.stringValue)
            return strings.count == items.count ? strings : nil
        case .object(let members) where members.count == 1:
            guard case .string(let name)? = members["Ref"], let fallback = parameterDefaults[name] else { return nil }
            if case .string(let text) = fallback { return text.split(separator: ",").map { String($0.drop { $0 == " " }) } }
            return fallback.arrayValue?.compactMap(\.stringValue)
        default:
            return nil
        }
    }

    /// `value` with the identifier replaced by `item` in keys and strings (`${id}`, `&{id}`), and
    /// `{"Ref": id}` by the item itself.
    static func substitute(_ value: JSONValue, identifier: String, item: String) -> JSONValue {
        let alphanumeric = String(item.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        func text(_ string: String) -> String {
            string.replacingOccurrences(of: "${\(identifier)}", with: item).replacingOccurrences(of: "&{\(identifier)}", with: alphanumeric)
        }
        switch value {
        case .string(let string):
            return .string(text(string))
        case .array(let elements):
            return .array(elements.map { substitute($0, identifier: identifier, item: item) })
        case .object(let members):
            if members.count == 1, members["Ref"] == .string(identifier) { return .string(item) }
            var result = OrderedDictionary<String, JSONValue>()
            for (key, member) in members { result[text(key)] = substitute(member, identifier: identifier, item: item) }
            return .object(result)
        default:
            return value
        }
    }
}
