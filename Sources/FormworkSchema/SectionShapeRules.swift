import FormworkTemplate

/// The shapes CloudFormation requires of the template's own sections, beyond their names: the description's
/// length, the transform's form, the mappings' three levels and limits, conditions written as condition
/// functions, export names as strings, metadata without nulls, and what a module may not carry.
extension ValidationRun {
    /// The longest template description CloudFormation accepts, in bytes.
    static let descriptionBytes = 1_024
    /// The most mappings' keys (and second-level attributes) CloudFormation accepts.
    static let mappingKeys = 200
    /// The longest mapping name.
    static let mappingNameLength = 255
    /// The functions a condition may be written with.
    static let conditionFunctions: Set<String> = ["Fn::And", "Fn::Equals", "Fn::Not", "Fn::Or", "Condition"]

    mutating func checkSectionShapes() {
        if let description = template.description, description.utf8.count > Self.descriptionBytes {
            error("limit", ["Description"], "the description is \(description.utf8.count) bytes; CloudFormation accepts at most \(Self.descriptionBytes)")
        }
        if let transform = template.transform { checkTransformShape(transform) }
        checkMappingShapes()
        for (name, condition) in template.conditions {
            guard case .object(let members) = condition, members.count == 1, Self.conditionFunctions.contains(members.keys[0]) else {
                error(
                    "condition", ["Conditions", name],
                    "a condition is written with Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition; found \(JSONWriter(style: .compact).string(from: condition).prefix(80))"
                )
                continue
            }
        }
        for (name, output) in template.outputs {
            if let exportName = output.exportName, exportName.stringValue == nil, IntrinsicFunction(exportName) == nil {
                error("wrong-type", ["Outputs", name, "Export", "Name"], "an export's Name is a string (or an intrinsic function that yields one)")
            }
            if Self.holdsSecretsManagerReference(output.value) {
                error(
                    "dynamic-reference", ["Outputs", name, "Value"],
                    "a Secrets Manager dynamic reference can be used only in resource properties; an output would show the secret")
            }
        }
        for (key, value) in template.metadata { checkNoNulls(in: value, path: ["Metadata", key]) }
        for (index, logicalId) in template.resources.keys.enumerated() {
            if let metadata = template.resources.values[index].metadata, metadata.containsNull {
                checkNoNulls(in: metadata, path: ["Resources", logicalId, "Metadata"])
            }
            if resourceTypes[index].hasSuffix("::MODULE") {
                let resource = template.resources.values[index]
                let refused = [
                    ("Tags", resource.properties["Tags"] != nil), ("CreationPolicy", resource.creationPolicy != nil),
                    ("UpdatePolicy", resource.updatePolicy != nil),
                ]
                for (name, isSet) in refused where isSet {
                    error(
                        "module", ["Resources", logicalId] + (name == "Tags" ? ["Properties", name] : [name]), "a module (\(resource.type)) cannot have \(name)"
                    )
                }
            }
        }
    }

    /// `Transform`: a macro name, a list of names and `{Name, Parameters}` objects, or one such object.
    private mutating func checkTransformShape(_ transform: JSONValue) {
        func check(_ value: JSONValue, path: [String]) {
            switch value {
            case .string: break
            case .object(let members):
                for key in members.keys where key != "Name" && key != "Parameters" {
                    error("transform", path + [key], "'\(key)' is not part of a transform; write Name and Parameters")
                }
                if members["Name"]?.stringValue == nil { error("transform", path, "a transform object needs its Name") }
                if let parameters = members["Parameters"], parameters.objectValue == nil {
                    error("transform", path + ["Parameters"], "a transform's Parameters are an object")
                }
            default:
                error("transform", path, "a transform is a name, a {Name, Parameters} object, or a list of them")
            }
        }
        if case .array(let elements) = transform {
            for (index, element) in elements.enumerated() { check(element, path: ["Transform", String(index)]) }
        } else {
            check(transform, path: ["Transform"])
        }
    }

    /// Each mapping maps keys to objects of attributes, within CloudFormation's limits.
    private mutating func checkMappingShapes() {
        for (name, mapping) in template.mappings {
            let path = ["Mappings", name]
            if name.count > Self.mappingNameLength {
                error("limit", path, "the mapping name is \(name.count) characters; CloudFormation accepts at most \(Self.mappingNameLength)")
            }
            guard case .object(let keys) = mapping else {
                error("mapping", path, "a mapping is an object of top-level keys, each an object of attributes")
                continue
            }
            if keys.count > Self.mappingKeys {
                error("limit", path, "the mapping has \(keys.count) keys; CloudFormation accepts at most \(Self.mappingKeys)")
            }
            for (key, attributes) in keys {
                guard case .object(let members) = attributes else {
                    // Under the language extensions a top-level key may be computed (Fn::Transform and the like).
                    if IntrinsicFunction(attributes) == nil {
                        error(
                            "mapping", path + [key],
                            "'\(key)' maps to \(attributes.kindPhrase); a mapping's key maps to an object of attributes (three levels: mapping, key, attribute)"
                        )
                    }
                    continue
                }
                if members.count > Self.mappingKeys {
                    error("limit", path + [key], "'\(key)' has \(members.count) attributes; CloudFormation accepts at most \(Self.mappingKeys)")
                }
            }
        }
    }

    /// CloudFormation refuses `null` anywhere in a template.
    private mutating func checkNoNulls(in value: JSONValue, path: [String]) {
        switch value {
        case .null:
            error("null-value", path, "null values are not allowed in templates; remove the key or give it a value")
        case .array(let elements):
            for (index, element) in elements.enumerated() where element.containsNull { checkNoNulls(in: element, path: path + [String(index)]) }
        case .object(let members):
            for (key, member) in members where member.containsNull { checkNoNulls(in: member, path: path + [key]) }
        default:
            break
        }
    }

    /// Whether `value` holds `{{resolve:secretsmanager:…}}` anywhere.
    static func holdsSecretsManagerReference(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): text.containsASCII("{{resolve:secretsmanager:")
        case .array(let elements): elements.contains(where: holdsSecretsManagerReference)
        case .object(let members): members.values.contains(where: holdsSecretsManagerReference)
        default: false
        }
    }
}

private extension JSONValue {
    /// Whether a `null` is in the value, at any depth.
    var containsNull: Bool {
        switch self {
        case .null: true
        case .array(let elements): elements.contains { $0.containsNull }
        case .object(let members): members.values.contains { $0.containsNull }
        default: false
        }
    }

    /// "a string", "a list", ... for messages.
    var kindPhrase: String {
        switch self {
        case .array: "a list"
        case .object: "an object"
        case .null: "null"
        default: "a \(kindName)"
        }
    }
}
