import FormworkTemplate
import OrderedCollections

/// The `diff --format json` contract (ARCHITECTURE.md): per stack its status, a summary of actions, and every
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
            "iam": .array(
                diff.security.statements.map(statement)
                    + diff.security.managedPolicies.map { change in
                        [
                            "change": .string(change.kind.rawValue), "resource": .string(change.role), "managedPolicyArn": .string(change.arn),
                            "widens": .bool(change.kind == .added),
                        ]
                    }),
            "securityGroups": .array(
                diff.security.securityGroupRules.map { rule in
                    [
                        "change": .string(rule.kind.rawValue), "group": .string(rule.group), "direction": .string(rule.direction),
                        "protocol": .string(rule.protocolName), "peer": .string(rule.peer), "widens": .bool(rule.widens),
                    ]
                }),
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
            "changes": .array(
                change.changes.map { property in
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

    static func statement(_ change: StatementChange) -> JSONValue {
        var members: OrderedDictionary<String, JSONValue> = [
            "change": .string(change.kind.rawValue),
            "effect": .string(change.effect),
            "actions": .array(change.actions.map(JSONValue.string)),
            "resources": .array(change.resources.map(JSONValue.string)),
            "principals": .array(change.principals.map(JSONValue.string)),
        ]
        members["condition"] = change.condition.map(JSONValue.string)
        members["widens"] = .bool(change.widens)
        members["wildcard"] = .bool(change.hasWildcard)
        return .object(members)
    }

    static func entry(_ change: EntryChange) -> JSONValue {
        ["name": .string(change.name), "action": .string(change.kind.rawValue), "old": change.old ?? .null, "new": change.new ?? .null]
    }
}
