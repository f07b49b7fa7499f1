import FormworkTemplate
import OrderedCollections

/// The `diff --format json` contract (DESIGN.md): per stack its status, a summary of actions, and every
/// changed resource with its property changes and replacement verdicts. Unchanged resources are not listed.
public enum DiffJSONRenderer {
    /// One stack's diff; `status` is `changed`, `unchanged`, `added` or `removed`.
    public static func stack(_ name: String, _ diff: TemplateDiff, status: String? = nil) -> JSONValue {
        var summary = OrderedDictionary<String, JSONValue>()
        for action in [ResourceChange.Action.add, .update, .replace, .mayReplace, .destroy, .orphan] {
            summary[action.rawValue] = .number(Double(diff.count(of: action)))
        }
        return [
            "stack": .string(name),
            "status": .string(status ?? (diff.isEmpty ? "unchanged" : "changed")),
            "summary": .object(summary),
            "resources": .array(diff.resources.map(resource)),
            "outputs": .array(diff.outputs.map(entry)),
            "parameters": .array(diff.parameters.map(entry)),
            "conditions": .array(diff.conditions.map(entry)),
            "iam": [],
            "securityGroups": [],
        ]
    }

    /// The whole document for several stacks.
    public static func document(_ stacks: [JSONValue]) -> JSONValue {
        ["stacks": .array(stacks)]
    }

    static func resource(_ change: ResourceChange) -> JSONValue {
        var members: OrderedDictionary<String, JSONValue> = [
            "logicalId": .string(change.logicalId),
            "type": .string(change.type),
            "action": .string(change.action.rawValue),
            "changes": .array(change.changes.map { property in
                var entry: OrderedDictionary<String, JSONValue> = ["path": .string(property.path.joined(separator: "."))]
                entry["old"] = property.old ?? .null
                entry["new"] = property.new ?? .null
                entry["replacement"] = .string(property.replacement.rawValue)
                return .object(entry)
            }),
            "causedBy": .array(change.causedBy.map(JSONValue.string)),
        ]
        if !change.attributeChanges.isEmpty { members["attributes"] = .array(change.attributeChanges.map(JSONValue.string)) }
        if !change.notes.isEmpty { members["notes"] = .array(change.notes.map(JSONValue.string)) }
        return .object(members)
    }

    static func entry(_ change: EntryChange) -> JSONValue {
        ["name": .string(change.name), "action": .string(change.kind.rawValue), "old": change.old ?? .null, "new": change.new ?? .null]
    }
}
