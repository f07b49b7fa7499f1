import FormworkTemplate

/// What CloudFormation will do when a stack's template changes from one version to another: per resource
/// an action with the property changes behind it, and the changes of the other sections.
public struct TemplateDiff: Sendable, Equatable {
    /// The changed resources, removals first, then additions, then updates, each in template order.
    public var resources: [ResourceChange]
    /// Changed outputs, parameters, conditions, mappings, rules and metadata entries.
    public var outputs: [EntryChange]
    public var parameters: [EntryChange]
    public var conditions: [EntryChange]
    public var mappings: [EntryChange]
    public var rules: [EntryChange]
    public var metadata: [EntryChange]
    /// `AWSTemplateFormatVersion`, `Description` and `Transform` changes.
    public var header: [EntryChange]
    /// IAM statements, managed policies and security-group rules added or removed.
    public var security: SecurityChanges

    /// Whether nothing changed.
    public var isEmpty: Bool {
        resources.isEmpty && outputs.isEmpty && parameters.isEmpty && conditions.isEmpty && mappings.isEmpty
            && rules.isEmpty && metadata.isEmpty && header.isEmpty
    }

    /// How many resources take each action.
    public func count(of action: ResourceChange.Action) -> Int {
        resources.filter { $0.action == action }.count
    }
}

/// What happens to one resource.
public struct ResourceChange: Sendable, Equatable {
    /// CloudFormation's action on the resource, from harmless to harmful.
    public enum Action: String, Sendable, CaseIterable, Comparable {
        case add
        case update
        case mayReplace = "may-replace"
        case replace
        case orphan
        case destroy

        public static func < (lhs: Action, rhs: Action) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var logicalId: String
    public var oldType: String?
    public var newType: String?
    public var action: Action
    /// The properties that changed (or, for a propagated replacement, that reference a replaced resource).
    public var changes: [PropertyChange]
    /// Resource attributes that changed: `DependsOn`, `DeletionPolicy`, `Metadata`, ...
    public var attributeChanges: [String]
    /// The replaced resources this one is replaced because of.
    public var causedBy: [String]
    /// What a reviewer must know: data loss on replacement, a kept old resource, an unknown type.
    public var notes: [String]

    /// The type after the change (or before, for a removal).
    public var type: String { newType ?? oldType ?? "" }
}

/// A change of one property, at a path below `Properties`.
public struct PropertyChange: Sendable, Equatable {
    /// Whether the change replaces the resource.
    public enum Replacement: String, Sendable {
        case never
        case always
        case conditional
        /// The property references a resource that is replaced.
        case propagated
    }

    /// Keys and list indices below `Properties`.
    public var path: [String]
    public var old: JSONValue?
    public var new: JSONValue?
    public var replacement: Replacement
}

/// A change of one entry of another section (an output, a parameter, ...).
public struct EntryChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case add, update, remove
    }

    public var name: String
    public var kind: Kind
    public var old: JSONValue?
    public var new: JSONValue?
}
