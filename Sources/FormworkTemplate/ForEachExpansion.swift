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
/// be expanded here: its loop is kept as written in ``Template/unexpandedLoops``, so that validation says
/// what it could not check, and conversion and the diff still see it.
///
/// Bounded: the expansion stops with an error once it has produced ``maximumExpandedValues`` values, so a
/// few hundred bytes of nested loops cannot take exponential time or memory; the work is linear in what
/// is produced.
struct ForEachExpansion {
    /// The most values (objects, lists, strings, numbers…) the loops of one template may produce: 250,000.
    /// CloudFormation refuses a processed template over 1 MB, and the smallest value with its separator
    /// takes 4 bytes of it.
    static let maximumExpandedValues = 250_000
    /// The most bytes of text (strings and keys) the loops of one template may produce: 32 MiB, the most
    /// template text Formwork reads. One string with many `${X}` times a long item could otherwise grow
    /// without the value count noticing.
    static let maximumExpandedBytes = 32 << 20

    /// The defaults of the template's parameters, by name: what a `Ref` collection stands for; `nil` when
    /// every loop is kept as written.
    let parameterDefaults: [String: JSONValue]?
    /// The loops that could not be expanded (or, without parameter defaults, were not), by path, as written.
    private(set) var unexpanded: OrderedDictionary<String, JSONValue> = [:]
    /// The values produced so far.
    private var produced = 0
    /// The bytes of text produced so far.
    private var producedBytes = 0

    /// An expansion that reads a `Ref` collection as its parameter's default; with `nil`, one that keeps
    /// every loop as written.
    init(parameterDefaults: [String: JSONValue]?) {
        self.parameterDefaults = parameterDefaults
    }

    /// `section` with each `Fn::ForEach::…` key replaced by the entries it stands for; errors name the
    /// outermost loop (`outerLoop`, for the loops nested in it), whose place the source map knows.
    mutating func expand(_ section: OrderedDictionary<String, JSONValue>, path: String, outerLoop: String? = nil) throws(TemplateStructureError)
        -> OrderedDictionary<String, JSONValue>
    {
        var result = OrderedDictionary<String, JSONValue>()
        for (key, value) in section {
            guard key.hasPrefix("Fn::ForEach::") else {
                result[key] = value
                continue
            }
            let loopPath = path.isEmpty ? key : "\(path).\(key)"
            let errorPath = outerLoop ?? loopPath
            guard case .array(let parts) = value, parts.count == 3, case .string(let identifier) = parts[0], case .object(let fragment) = parts[2] else {
                throw TemplateStructureError(path: errorPath, message: "Fn::ForEach takes [identifier, collection, {key: value}]")
            }
            guard let items = collection(parts[1]) else {
                unexpanded[loopPath] = value
                continue
            }
            for item in items {
                let substituted = try substitute(.object(fragment), identifier: identifier, item: item, loopPath: errorPath)
                guard case .object(let entries) = substituted else { continue }
                for (entryKey, entryValue) in try expand(entries, path: path, outerLoop: errorPath) {
                    guard result[entryKey] == nil, section[entryKey] == nil else {
                        throw TemplateStructureError(path: errorPath, message: "the loop writes '\(entryKey)' twice; make each key depend on the identifier")
                    }
                    result[entryKey] = entryValue
                }
            }
        }
        return result
    }

    /// The items of a collection: a list of strings, or a `Ref` to a list parameter's default.
    private func collection(_ value: JSONValue) -> [String]? {
        guard let parameterDefaults else { return nil }
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
    /// `{"Ref": id}` by the item itself; counted against ``maximumExpandedValues``.
    private mutating func substitute(_ value: JSONValue, identifier: String, item: String, loopPath: String) throws(TemplateStructureError) -> JSONValue {
        let alphanumeric = String(item.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        let plain = "${\(identifier)}"
        let stripped = "&{\(identifier)}"
        let tooLarge = TemplateStructureError(
            path: loopPath,
            message:
                "Fn::ForEach expands to more than \(Self.maximumExpandedValues) values or \(Self.maximumExpandedBytes) bytes; CloudFormation refuses a processed template over 1 MB. Loop over fewer items or nest fewer loops"
        )
        // The text a string becomes, its size counted before it is made.
        func text(_ string: String) throws(TemplateStructureError) -> String {
            guard string.contains("{") else {
                producedBytes += string.utf8.count
                guard producedBytes <= Self.maximumExpandedBytes else { throw tooLarge }
                return string
            }
            let occurrences = string.components(separatedBy: plain).count - 1 + string.components(separatedBy: stripped).count - 1
            producedBytes += string.utf8.count + occurrences * item.utf8.count
            guard producedBytes <= Self.maximumExpandedBytes else { throw tooLarge }
            return string.replacingOccurrences(of: plain, with: item).replacingOccurrences(of: stripped, with: alphanumeric)
        }
        // Recursive: the readers bound nesting to 512 levels, so the depth here is bounded too.
        func walk(_ value: JSONValue) throws(TemplateStructureError) -> JSONValue {
            produced += 1
            guard produced <= Self.maximumExpandedValues else { throw tooLarge }
            switch value {
            case .string(let string):
                return .string(try text(string))
            case .array(let elements):
                var result: [JSONValue] = []
                result.reserveCapacity(elements.count)
                for element in elements { result.append(try walk(element)) }
                return .array(result)
            case .object(let members):
                if members.count == 1, members["Ref"] == .string(identifier) { return .string(item) }
                var result = OrderedDictionary<String, JSONValue>(minimumCapacity: members.count)
                for (key, member) in members { result[try text(key)] = try walk(member) }
                return .object(result)
            default:
                return value
            }
        }
        return try walk(value)
    }
}
