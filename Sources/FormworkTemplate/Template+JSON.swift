import OrderedCollections

extension Template {
    /// The template as a JSON tree, in the section order of ``Section`` and with resource attributes in the
    /// order CDK writes them (`Type, Properties, DependsOn, CreationPolicy, UpdatePolicy, UpdateReplacePolicy,
    /// DeletionPolicy, ..., Metadata, Condition`). Empty sections and attributes are left out.
    public var json: JSONValue {
        var root = OrderedDictionary<String, JSONValue>()
        for section in Section.allCases {
            switch section {
            case .description: root[section.rawValue] = description.map(JSONValue.string)
            case .transform: root[section.rawValue] = transform
            case .globals: root[section.rawValue] = globals.nonEmptyJSON
            case .formatVersion: root[section.rawValue] = formatVersion.map(JSONValue.string)
            case .metadata: root[section.rawValue] = metadata.nonEmptyJSON
            case .parameters: root[section.rawValue] = parameters.mapValues(\.json).nonEmptyJSON
            case .mappings: root[section.rawValue] = mappings.nonEmptyJSON
            case .conditions: root[section.rawValue] = withLoops(conditions, in: section).nonEmptyJSON
            case .rules: root[section.rawValue] = rules.nonEmptyJSON
            case .resources: root[section.rawValue] = withLoops(resources.mapValues(\.json), in: section).nonEmptyJSON
            case .outputs: root[section.rawValue] = withLoops(outputs.mapValues(\.json), in: section).nonEmptyJSON
            }
        }
        return .object(root)
    }

    /// `entries` of `section` followed by the loops kept as written in it: the section as written out, and
    /// as the diff compares it.
    public func withLoops(_ entries: OrderedDictionary<String, JSONValue>, in section: Section) -> OrderedDictionary<String, JSONValue> {
        entries.merging(unexpandedLoops(in: section)) { $1 }
    }

    /// The template a JSON tree describes.
    ///
    /// With the `AWS::LanguageExtensions` transform, `Fn::ForEach` loops are expanded as CloudFormation
    /// expands them (a collection that is a parameter taken as its default) when `expandingLoops` is `true`
    /// (the default), for validation, checks and the diff; with `false` every loop is kept as written in
    /// ``unexpandedLoops`` (to convert a template without changing what it means).
    ///
    /// - Throws: ``TemplateStructureError`` naming the path of the first part that is not shaped like a
    ///   CloudFormation template, or of a loop that expands past CloudFormation's limits.
    public init(json: JSONValue, expandingLoops: Bool = true) throws(TemplateStructureError) {
        let root = try StructureReader(json, path: "")
        self.init()
        // With AWS::LanguageExtensions, Fn::ForEach loops are expanded before anything reads the sections.
        let transforms = DeclaredTransforms(root.value("Transform"))
        var loops: ForEachExpansion?
        if transforms.hasLanguageExtensions {
            let parameters = root.value("Parameters")?.objectValue ?? [:]
            loops = ForEachExpansion(
                parameterDefaults: expandingLoops ? parameters.compactMapValues { $0["Default"] }.reduce(into: [:]) { $0[$1.key] = $1.value } : nil)
        }
        func expandedSection(_ key: String) throws(TemplateStructureError) -> OrderedDictionary<String, JSONValue> {
            let entries = try root.object(key)
            guard var expansion = loops else { return entries }
            let expanded = try expansion.expand(entries, path: key)
            loops = expansion
            return expanded
        }
        defer { unexpandedLoops = loops?.unexpanded ?? [:] }
        for key in root.keys {
            guard let section = Section(rawValue: key) else {
                throw root.error(at: key, "unknown template section; expected one of \(Section.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            switch section {
            case .description: description = try root.string(key)
            case .transform: transform = root.value(key)
            case .globals: globals = try root.object(key)
            case .formatVersion: formatVersion = try root.string(key)
            case .metadata: metadata = try root.object(key)
            case .parameters:
                parameters = try root.object(key).mapKeyedValues { name, value throws(TemplateStructureError) in
                    try Parameter(json: value, path: "Parameters.\(name)")
                }
            case .mappings: mappings = try root.object(key)
            case .conditions: conditions = try expandedSection(key)
            case .rules: rules = try root.object(key)
            case .resources:
                resources = try expandedSection(key).mapKeyedValues { name, value throws(TemplateStructureError) in
                    try Resource(json: value, path: "Resources.\(name)", transforms: transforms)
                }
            case .outputs:
                outputs = try expandedSection(key).mapKeyedValues { name, value throws(TemplateStructureError) in
                    try Output(json: value, path: "Outputs.\(name)", transforms: transforms)
                }
            }
        }
    }
}

extension Template.Resource {
    /// The resource entry as JSON, attributes in CDK's order.
    public var json: JSONValue {
        // Keys appended in order, with no lookup per key; only an attribute without a field of its own (which
        // may share a name with one that has, an intrinsic `DeletionPolicy`) is set by name, replacing in place.
        var keys: [String] = ["Type"], values: [JSONValue] = [.string(type)]
        keys.reserveCapacity(4)
        values.reserveCapacity(4)
        func set(_ key: String, _ value: JSONValue?) {
            if !otherAttributes.isEmpty, let existing = keys.firstIndex(of: key) {
                if let value {
                    values[existing] = value
                } else {
                    keys.remove(at: existing)
                    values.remove(at: existing)
                }
            } else if let value {
                keys.append(key)
                values.append(value)
            }
        }
        set("Properties", properties.nonEmptyJSON)
        set("DependsOn", dependsOn.isEmpty ? nil : .array(dependsOn.map(JSONValue.string)))
        set("CreationPolicy", creationPolicy)
        set("UpdatePolicy", updatePolicy)
        set("UpdateReplacePolicy", updateReplacePolicy.map(JSONValue.string))
        set("DeletionPolicy", deletionPolicy.map(JSONValue.string))
        for (key, value) in otherAttributes { set(key, value) }
        set("Metadata", metadata)
        set("Condition", condition.map(JSONValue.string))
        return .object(OrderedDictionary(uncheckedUniqueKeys: keys, values: values))
    }

    /// A resource entry of a template declaring `transforms`: the SAM transform's resource attributes
    /// (`Connectors`, `IgnoreGlobals`) are taken under it, and under `AWS::LanguageExtensions` a `Condition`
    /// the transform computes (`!Sub Create${Entity}` in a loop).
    init(json: JSONValue, path: String, transforms: DeclaredTransforms = DeclaredTransforms(nil)) throws(TemplateStructureError) {
        let entry = try StructureReader(json, path: path)
        guard let type = try entry.string("Type") else { throw entry.error("a resource needs a 'Type'") }
        self.init(type: type)
        for key in entry.keys {
            switch key {
            case "Type": break
            case "Properties": properties = try entry.object(key)
            case "DependsOn": dependsOn = try entry.stringOrStrings(key)
            case "CreationPolicy": creationPolicy = entry.value(key)
            case "UpdatePolicy": updatePolicy = entry.value(key)
            case "UpdateReplacePolicy", "DeletionPolicy":
                // CloudFormation takes an intrinsic function here too (`Fn::If`, a `Ref` to a parameter); kept
                // as written with the other attributes.
                if case .string(let policy)? = entry.value(key) {
                    if key == "DeletionPolicy" { deletionPolicy = policy } else { updateReplacePolicy = policy }
                } else if let value = entry.value(key), value.isIntrinsicFunction {
                    otherAttributes[key] = value
                } else {
                    throw entry.error(at: key, "expected a policy name (or an intrinsic function such as Fn::If)")
                }
            case "Metadata": metadata = entry.value(key)
            case "Condition" where transforms.hasLanguageExtensions && entry.value(key)?.literalSub != nil:
                condition = entry.value(key)?.literalSub
            case "Condition": condition = try entry.string(key)
            case "Connectors",
                "IgnoreGlobals" where transforms.isSAM:
                otherAttributes[key] = entry.value(key)
            case "Version", "Description": otherAttributes[key] = entry.value(key)
            default:
                throw entry.error(
                    at: key,
                    "unknown resource attribute; CloudFormation accepts Type, Properties, DependsOn, Condition, CreationPolicy, DeletionPolicy, UpdatePolicy, UpdateReplacePolicy and Metadata"
                )
            }
        }
    }
}

extension Template.Output {
    /// The output entry as JSON: `Description, Value, Export, Condition`, as CDK writes them.
    public var json: JSONValue {
        var entry = OrderedDictionary<String, JSONValue>()
        entry["Description"] = description.map(JSONValue.string)
        entry["Value"] = value
        entry["Export"] = export.nonEmptyJSON
        entry["Condition"] = condition.map(JSONValue.string)
        return .object(entry)
    }

    /// An output entry of a template declaring `transforms`: under `AWS::LanguageExtensions` a `Condition`
    /// written as `Fn::Sub` of text with nothing left to substitute (what a loop leaves of `!Sub Create${Entity}`)
    /// is that text, as the transform makes it.
    init(json: JSONValue, path: String, transforms: DeclaredTransforms = DeclaredTransforms(nil)) throws(TemplateStructureError) {
        let entry = try StructureReader(json, path: path)
        guard let value = entry.value("Value") else { throw entry.error("an output needs a 'Value'") }
        self.init(value: value)
        for key in entry.keys {
            switch key {
            case "Value": break
            case "Description": description = try entry.string(key)
            case "Condition" where transforms.hasLanguageExtensions && entry.value(key)?.literalSub != nil:
                condition = entry.value(key)?.literalSub
            case "Condition": condition = try entry.string(key)
            case "Export":
                let reader = try StructureReader(entry.value(key) ?? .null, path: "\(path).Export")
                guard reader.value("Name") != nil else { throw reader.error("an export needs a 'Name'") }
                export = reader.members
            default:
                throw entry.error(at: key, "unknown output attribute; expected Value, Description, Export or Condition")
            }
        }
    }
}

extension Template.Parameter {
    /// The parameter entry as JSON, keys in the order CDK writes them.
    public var json: JSONValue {
        var entry = OrderedDictionary<String, JSONValue>()
        entry["Type"] = .string(type)
        entry["Default"] = defaultValue
        entry["AllowedPattern"] = allowedPattern.map(JSONValue.string)
        entry["AllowedValues"] = allowedValues.map(JSONValue.array)
        entry["ConstraintDescription"] = constraintDescription.map(JSONValue.string)
        entry["Description"] = description.map(JSONValue.string)
        entry["MaxLength"] = maxLength
        entry["MaxValue"] = maxValue
        entry["MinLength"] = minLength
        entry["MinValue"] = minValue
        entry["NoEcho"] = noEcho.map(JSONValue.bool)
        return .object(entry)
    }

    init(json: JSONValue, path: String) throws(TemplateStructureError) {
        let entry = try StructureReader(json, path: path)
        guard let type = try entry.string("Type") else { throw entry.error("a parameter needs a 'Type'") }
        self.init(type: type)
        for key in entry.keys {
            switch key {
            case "Type": break
            case "Default": defaultValue = entry.value(key)
            case "AllowedPattern": allowedPattern = try entry.string(key)
            case "AllowedValues": allowedValues = try entry.array(key)
            case "ConstraintDescription": constraintDescription = try entry.string(key)
            case "Description": description = try entry.string(key)
            case "MaxLength": maxLength = try entry.number(key)
            case "MaxValue": maxValue = try entry.number(key)
            case "MinLength": minLength = try entry.number(key)
            case "MinValue": minValue = try entry.number(key)
            case "NoEcho": noEcho = try entry.bool(key)
            default:
                throw entry.error(at: key, "unknown parameter attribute")
            }
        }
    }
}

extension OrderedDictionary where Key == String, Value == JSONValue {
    /// `.object(self)`, or `nil` when empty so that the key is left out.
    var nonEmptyJSON: JSONValue? { isEmpty ? nil : .object(self) }
}

extension OrderedDictionary {
    /// The same keys in the same order, each value transformed by a throwing function that sees its key.
    func mapKeyedValues<T, E: Error>(_ transform: (Key, Value) throws(E) -> T) throws(E) -> OrderedDictionary<Key, T> {
        var result = OrderedDictionary<Key, T>(minimumCapacity: count)
        for (key, value) in self { result[key] = try transform(key, value) }
        return result
    }
}
