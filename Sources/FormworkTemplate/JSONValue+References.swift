import OrderedCollections

extension JSONValue {
    /// The logical IDs this value refers to through `Ref`, `Fn::GetAtt` and `Fn::Sub` (`${Id}`,
    /// `${Id.Attribute}`), in the order they appear; pseudo parameters (`AWS::...`) are left out.
    ///
    /// These are the dependencies CloudFormation derives by itself, without `DependsOn`.
    public var referencedLogicalIds: OrderedSet<String> {
        var found = OrderedSet<String>()
        collectReferences(into: &found)
        return found
    }

    func collectReferences(into found: inout OrderedSet<String>) {
        switch self {
        case .array(let elements):
            for element in elements { element.collectReferences(into: &found) }
        case .object(let members):
            if members.count == 1, collectIntrinsic(members.keys[0], members.values[0], into: &found) {
                return
            }
            for member in members.values { member.collectReferences(into: &found) }
        case .null, .bool, .number, .numberText, .string:
            break
        }
    }

    /// Records the references of one intrinsic; `false` when `name` is not one that references.
    private func collectIntrinsic(_ name: String, _ argument: JSONValue, into found: inout OrderedSet<String>) -> Bool {
        switch (name, argument) {
        case ("Ref", .string(let target)):
            if !target.hasPrefix("AWS::") { found.append(target) }
            return true
        case ("Fn::GetAtt", .array(let parts)):
            if case .string(let target)? = parts.first { found.append(target) }
            for part in parts.dropFirst() { part.collectReferences(into: &found) }
            return true
        case ("Fn::GetAtt", .string(let dotted)):
            found.append(String(dotted.prefix { $0 != "." }))
            return true
        case ("Fn::Sub", .string(let template)):
            Self.subVariables(template).forEach { found.append(Self.logicalIdOfSubVariable($0)) }
            return true
        case ("Fn::Sub", .array(let parts)):
            let defined = parts.count > 1 ? parts[1].objectValue?.keys ?? [] : []
            if case .string(let template)? = parts.first {
                Self.subVariables(template).filter { !defined.contains($0) }.forEach { found.append(Self.logicalIdOfSubVariable($0)) }
            }
            for part in parts.dropFirst() { part.collectReferences(into: &found) }
            return true
        default:
            return false
        }
    }

    /// The variables of an `Fn::Sub` template: `Name` of `${Name}`, `Id.Attribute` of `${Id.Attribute}`, without
    /// pseudo parameters (`${AWS::Region}`) and escaped literals (`${!Literal}`). Spaces around a name, as in
    /// `${ AWS::Region }`, are CloudFormation's to ignore, and so they are here.
    public static func subVariables(_ template: String) -> [String] {
        var names: [String] = []
        var remainder = template[...]
        while let start = remainder.range(of: "${") {
            let afterOpen = remainder[start.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else { break }
            let variable = afterOpen[..<close].drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
            remainder = afterOpen[afterOpen.index(after: close)...]
            guard !afterOpen.hasPrefix("!"), !variable.starts(with: "AWS::"), !variable.isEmpty else { continue }
            names.append(String(variable))
        }
        return names
    }

    /// The logical ID in a `Fn::Sub` variable: `Queue` of `Queue.Arn`.
    static func logicalIdOfSubVariable(_ variable: String) -> String {
        String(variable.prefix { $0 != "." })
    }
}

extension Template.Resource {
    /// The logical IDs the resource's entry refers to through `Ref`, `Fn::GetAtt` and `Fn::Sub` (in its
    /// properties and policies; `DependsOn` not included), in the order they appear.
    public var referencedLogicalIds: OrderedSet<String> {
        var found = OrderedSet<String>()
        for value in properties.values { value.collectReferences(into: &found) }
        for value in [creationPolicy, updatePolicy, metadata] { value?.collectReferences(into: &found) }
        for value in otherAttributes.values { value.collectReferences(into: &found) }
        return found
    }
}
