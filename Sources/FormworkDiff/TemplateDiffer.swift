import FormworkSchema
import FormworkTemplate
import OrderedCollections

/// Compares two versions of a stack's template as CloudFormation will apply them.
///
/// ```swift
/// let diff = TemplateDiffer().diff(old: deployed, new: synthesized)
/// diff.resources.filter { $0.action == .replace }
/// ```
///
/// Replacement comes from the schema metadata (registry create-only paths, nested ones included, merged
/// with CDK's service database), and propagates: a resource whose replacing property references a replaced
/// resource is replaced too, to a fixed point, with `causedBy` naming the cause.
public struct TemplateDiffer: Sendable {
    /// Where each resource type's replacement rules and statefulness come from: which property paths replace
    /// the resource when changed, and whether replacing or deleting it loses data.
    public var metadata: ResourceMetadataCatalog
    /// Whether a deployed string equal to the new one with its non-ASCII characters written `?` counts as
    /// unchanged (CloudFormation's `GetTemplate` mangles them); on unless a strict comparison is asked for.
    public var ignoresMangledNonASCII: Bool

    /// A differ with the generated metadata of every resource type (by default) that ignores `GetTemplate`'s
    /// mangled non-ASCII characters unless told otherwise.
    public init(metadata: ResourceMetadataCatalog = .shared, ignoresMangledNonASCII: Bool = true) {
        self.metadata = metadata
        self.ignoresMangledNonASCII = ignoresMangledNonASCII
    }

    /// What changes when a stack whose template is `old` is updated to `new`: resources removed first, then
    /// added, then updated, and every other section's entries.
    public func diff(old: Template, new: Template) -> TemplateDiff {
        var resources = resourceChanges(old: old, new: new)
        propagateReplacements(into: &resources, old: old, new: new)
        resources += Self.loopChanges(old: old.unexpandedLoops(in: .resources), new: new.unexpandedLoops(in: .resources))
        let order: (ResourceChange) -> Int = { change in
            switch change.action {
            case .destroy, .orphan: 0
            case .add: 1
            default: 2
            }
        }
        let sorted = resources.enumerated().sorted { lhs, rhs in
            (order(lhs.element), lhs.offset) < (order(rhs.element), rhs.offset)
        }.map(\.element)
        return TemplateDiff(
            resources: sorted,
            outputs: Self.entries(old.withLoops(old.outputs.mapValues(\.json), in: .outputs), new.withLoops(new.outputs.mapValues(\.json), in: .outputs)),
            parameters: Self.entries(old.parameters.mapValues(\.json), new.parameters.mapValues(\.json)),
            conditions: Self.entries(old.withLoops(old.conditions, in: .conditions), new.withLoops(new.conditions, in: .conditions)),
            mappings: Self.entries(old.mappings, new.mappings),
            rules: Self.entries(old.rules, new.rules),
            metadata: Self.entries(old.metadata, new.metadata),
            header: Self.entries(Self.header(of: old), Self.header(of: new)),
            security: SecurityChanges(old: old, new: new))
    }

    // MARK: Resources

    /// The resource loops kept as written (their collection is known only at deploy), compared as written:
    /// what they declare cannot be told, so a removed loop may delete resources and a changed one may
    /// replace them.
    static func loopChanges(old: OrderedDictionary<String, JSONValue>, new: OrderedDictionary<String, JSONValue>) -> [ResourceChange] {
        let unknown = "an Fn::ForEach loop whose collection is known only at deploy"
        var changes: [ResourceChange] = []
        for (key, _) in old where new[key] == nil {
            changes.append(
                ResourceChange(
                    logicalId: key, oldType: "Fn::ForEach", newType: nil, action: .destroy, changes: [], attributeChanges: [],
                    causedBy: [], notes: ["\(unknown) is removed: every resource it declares is deleted, data included"]))
        }
        for (key, loop) in new {
            guard let before = old[key] else {
                changes.append(
                    ResourceChange(
                        logicalId: key, oldType: nil, newType: "Fn::ForEach", action: .add, changes: [], attributeChanges: [],
                        causedBy: [], notes: ["\(unknown) is added"]))
                continue
            }
            guard before != loop else { continue }
            changes.append(
                ResourceChange(
                    logicalId: key, oldType: "Fn::ForEach", newType: "Fn::ForEach", action: .mayReplace,
                    changes: [PropertyChange(path: [], old: before, new: loop, replacement: .conditional)], attributeChanges: [],
                    causedBy: [], notes: ["\(unknown) changes: which resources it adds, replaces or deletes is known only at deploy"]))
        }
        return changes
    }

    private func resourceChanges(old: Template, new: Template) -> [ResourceChange] {
        var changes: [ResourceChange] = []
        for (logicalId, resource) in old.resources where new.resources[logicalId] == nil {
            let retained = resource.deletionPolicy == "Retain" || resource.deletionPolicy == "RetainExceptOnCreate"
            changes.append(
                ResourceChange(
                    logicalId: logicalId, oldType: resource.type, newType: nil, action: retained ? .orphan : .destroy,
                    changes: [], attributeChanges: [], causedBy: [],
                    notes: retained
                        ? ["removed from the stack but kept (DeletionPolicy: \(resource.deletionPolicy ?? ""))"]
                        : dataLossNote(for: resource.type, verb: "deleting")))
        }
        for (logicalId, resource) in new.resources {
            guard let before = old.resources[logicalId] else {
                changes.append(
                    ResourceChange(
                        logicalId: logicalId, oldType: nil, newType: resource.type, action: .add,
                        changes: [], attributeChanges: [], causedBy: [], notes: []))
                continue
            }
            if let change = change(of: logicalId, from: before, to: resource) { changes.append(change) }
        }
        return changes
    }

    private func change(of logicalId: String, from old: Template.Resource, to new: Template.Resource) -> ResourceChange? {
        var attributes: [String] = []
        // DependsOn compares as CloudFormation orders resources: with the edges references imply.
        if Set(old.orderingDependencies) != Set(new.orderingDependencies) {
            attributes.append("DependsOn")
        }
        let pairs: [(String, JSONValue?, JSONValue?)] = [
            ("DeletionPolicy", old.deletionPolicy.map(JSONValue.string), new.deletionPolicy.map(JSONValue.string)),
            ("UpdateReplacePolicy", old.updateReplacePolicy.map(JSONValue.string), new.updateReplacePolicy.map(JSONValue.string)),
            ("Condition", old.condition.map(JSONValue.string), new.condition.map(JSONValue.string)),
            ("Metadata", old.metadata, new.metadata),
            ("CreationPolicy", old.creationPolicy, new.creationPolicy),
            ("UpdatePolicy", old.updatePolicy, new.updatePolicy),
        ]
        for (name, before, after) in pairs where !same(before, after) { attributes.append(name) }
        // Attributes kept as written: Version, Description, and policies given as intrinsic functions.
        for name in OrderedSet(old.otherAttributes.keys).union(new.otherAttributes.keys) where !same(old.otherAttributes[name], new.otherAttributes[name]) {
            attributes.append(name)
        }

        if old.type != new.type {
            return ResourceChange(
                logicalId: logicalId, oldType: old.type, newType: new.type, action: .replace, changes: [],
                attributeChanges: attributes, causedBy: [], notes: ["the type changes from \(old.type)"] + dataLossNote(for: old.type, verb: "replacing"))
        }
        var changes: [PropertyChange] = []
        let names = OrderedSet(old.properties.keys).union(new.properties.keys)
        for name in names.sorted() {
            collectChanges(old.properties[name], new.properties[name], path: [name], into: &changes)
        }
        guard !changes.isEmpty || !attributes.isEmpty else { return nil }
        var notes: [String] = []
        let isCustom = new.type.hasPrefix("Custom::") || new.type == "AWS::CloudFormation::CustomResource"
        let typeMetadata = metadata[new.type]
        for index in changes.indices {
            if isCustom {
                changes[index].replacement = .never
            } else if let typeMetadata {
                changes[index].replacement =
                    switch typeMetadata.replacement(for: PropertyPath(changes[index].path)) {
                    case .always: .always
                    case .conditional: .conditional
                    case .never: .never
                    }
            } else {
                changes[index].replacement = .conditional
            }
        }
        if typeMetadata == nil, !isCustom, !changes.isEmpty {
            notes.append("\(new.type) is not a known resource type; whether a change replaces it cannot be told")
        }
        var action: ResourceChange.Action = .update
        if changes.contains(where: { $0.replacement == .always }) {
            action = .replace
        } else if changes.contains(where: { $0.replacement == .conditional }) {
            action = .mayReplace
        }
        var change = ResourceChange(
            logicalId: logicalId, oldType: old.type, newType: new.type, action: action, changes: changes,
            attributeChanges: attributes, causedBy: [], notes: notes)
        if action == .replace { change.notes += replacementNotes(for: new) }
        return change
    }

    /// The differing leaves between two values: objects are compared key by key and lists of the same
    /// length element by element, so that a replacement verdict can look at the deepest path.
    private func collectChanges(_ old: JSONValue?, _ new: JSONValue?, path: [String], into changes: inout [PropertyChange]) {
        guard !same(old, new) else { return }
        switch (old, new) {
        case (.object(let a)?, .object(let b)?) where !Self.isIntrinsic(a) && !Self.isIntrinsic(b):
            for key in OrderedSet(a.keys).union(b.keys).sorted() {
                collectChanges(a[key], b[key], path: path + [key], into: &changes)
            }
        case (.array(let a)?, .array(let b)?) where a.count == b.count:
            for index in a.indices { collectChanges(a[index], b[index], path: path + [String(index)], into: &changes) }
        default:
            changes.append(PropertyChange(path: path, old: old, new: new, replacement: .never))
        }
    }

    static func isIntrinsic(_ members: OrderedDictionary<String, JSONValue>) -> Bool {
        members.count == 1 && (members.keys[0] == "Ref" || members.keys[0].hasPrefix("Fn::"))
    }

    func same(_ old: JSONValue?, _ new: JSONValue?) -> Bool {
        switch (old, new) {
        case (nil, nil): true
        case (let a?, let b?): CloudFormationEquality.equal(a, b, mangledNonASCII: ignoresMangledNonASCII)
        default: false
        }
    }

    // MARK: Propagation

    /// Marks as replaced every resource whose replacing property references a replaced resource, until
    /// nothing changes (CloudFormation gives a replaced resource a new physical id, so `Ref`/`GetAtt` change).
    private func propagateReplacements(into changes: inout [ResourceChange], old: Template, new: Template) {
        var replaced = Set(changes.filter { $0.action == .replace }.map(\.logicalId))
        var grew = true
        while grew {
            grew = false
            // Only resources that exist on both sides with the same type can be replaced by propagation.
            for (logicalId, resource) in new.resources where !replaced.contains(logicalId) && old.resources[logicalId]?.type == resource.type {
                guard let typeMetadata = metadata[resource.type] else { continue }
                var propagated: [PropertyChange] = []
                var causes: [String] = []
                for (name, value) in resource.properties {
                    let targets = value.referencedLogicalIds.filter(replaced.contains)
                    guard !targets.isEmpty, typeMetadata.replacement(for: PropertyPath([name])) == .always else { continue }
                    propagated.append(PropertyChange(path: [name], old: value, new: value, replacement: .propagated))
                    causes += targets
                }
                guard !propagated.isEmpty else { continue }
                replaced.insert(logicalId)
                grew = true
                let notes = replacementNotes(for: resource)
                if let index = changes.firstIndex(where: { $0.logicalId == logicalId }) {
                    changes[index].action = .replace
                    changes[index].changes += propagated.filter { change in !changes[index].changes.contains { $0.path == change.path } }
                    changes[index].causedBy = Array(OrderedSet(changes[index].causedBy + causes))
                    changes[index].notes += notes
                } else {
                    changes.append(
                        ResourceChange(
                            logicalId: logicalId, oldType: resource.type, newType: resource.type, action: .replace,
                            changes: propagated, attributeChanges: [], causedBy: Array(OrderedSet(causes)), notes: notes))
                }
            }
        }
    }

    // MARK: Notes

    private func replacementNotes(for resource: Template.Resource) -> [String] {
        var notes = dataLossNote(for: resource.type, verb: "replacing")
        if resource.updateReplacePolicy == "Retain" || resource.updateReplacePolicy == "Snapshot" {
            notes.append("the old resource is kept (UpdateReplacePolicy: \(resource.updateReplacePolicy ?? ""))")
        }
        return notes
    }

    private func dataLossNote(for type: String, verb: String) -> [String] {
        metadata[type]?.isStateful == true ? ["\(type) holds data: \(verb) it loses the data"] : []
    }

    // MARK: Other sections

    static func entries(_ old: OrderedDictionary<String, JSONValue>, _ new: OrderedDictionary<String, JSONValue>) -> [EntryChange] {
        var changes: [EntryChange] = []
        for (name, value) in old where new[name] == nil { changes.append(EntryChange(name: name, kind: .remove, old: value, new: nil)) }
        for (name, value) in new {
            guard let before = old[name] else {
                changes.append(EntryChange(name: name, kind: .add, old: nil, new: value))
                continue
            }
            if !CloudFormationEquality.equal(before, value) { changes.append(EntryChange(name: name, kind: .update, old: before, new: value)) }
        }
        return changes
    }

    static func header(of template: Template) -> OrderedDictionary<String, JSONValue> {
        var header = OrderedDictionary<String, JSONValue>()
        header["AWSTemplateFormatVersion"] = template.formatVersion.map(JSONValue.string)
        header["Description"] = template.description.map(JSONValue.string)
        header["Transform"] = template.transform
        return header
    }
}
