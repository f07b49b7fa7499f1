import FormworkTemplate

/// What CloudFormation will do when a stack's template changes from one version to another: per resource
/// an action with the property changes behind it, and the changes of the other sections.
public struct TemplateDiff: Sendable, Equatable {
    /// The changed resources, removals first, then additions, then updates, each in template order.
    public var resources: [ResourceChange]
    /// Changed outputs, parameters, conditions, mappings, rules and metadata entries.
    public var outputs: [EntryChange]
    /// Changed `Parameters` entries, each compared as a whole (type, default, constraints).
    public var parameters: [EntryChange]
    /// Changed `Conditions` entries, unexpanded `Fn::ForEach` loops included.
    public var conditions: [EntryChange]
    /// Changed `Mappings` entries, each compared as a whole table.
    public var mappings: [EntryChange]
    /// Changed `Rules` entries (parameter assertions).
    public var rules: [EntryChange]
    /// Changed entries of the template's `Metadata` section; a resource's own `Metadata` is in its
    /// ``ResourceChange/attributeChanges``.
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
        /// The resource is only in the new template: CloudFormation creates it.
        case add
        /// It changes in place: no changed property forces a replacement.
        case update
        /// A changed property replaces it in some cases only, its type is unknown, or an `Fn::ForEach` loop
        /// changes (`may-replace`).
        case mayReplace = "may-replace"
        /// CloudFormation creates a new resource and deletes the old one: its type or a create-only property
        /// changes, or such a property references a replaced resource.
        case replace
        /// It is removed from the template, but its `DeletionPolicy` (`Retain`, `RetainExceptOnCreate`) keeps it
        /// in the account, outside the stack.
        case orphan
        /// It is removed from the template and CloudFormation deletes it.
        case destroy

        public static func < (lhs: Action, rhs: Action) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The resource's logical ID, or the key of an unexpanded `Fn::ForEach` loop (`Fn::ForEach::Topics`).
    public var logicalId: String
    /// Its `Type` in the old template (`Fn::ForEach` for a loop); `nil` when it is added.
    public var oldType: String?
    /// Its `Type` in the new template (`Fn::ForEach` for a loop); `nil` when it is removed.
    public var newType: String?
    /// What CloudFormation does to it.
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
        /// The change is made in place, as is every change of a custom resource's properties.
        case never
        /// The property is create-only: changing it replaces the resource.
        case always
        /// Changing it replaces the resource in some cases, or the type is unknown and it cannot be told.
        case conditional
        /// The property references a resource that is replaced.
        case propagated
    }

    /// Keys and list indices below `Properties`.
    public var path: [String]
    /// The value in the old template; `nil` when the property is added.
    public var old: JSONValue?
    /// The value in the new template; `nil` when the property is removed.
    public var new: JSONValue?
    /// Whether the change replaces the resource, from the type's schema metadata.
    public var replacement: Replacement
}

/// A change of one entry of another section (an output, a parameter, ...).
public struct EntryChange: Sendable, Equatable {
    /// What happened to the entry.
    public enum Kind: String, Sendable {
        /// What happened to the entry:
        /// - `add`: it is only in the new template.
        /// - `update`: it is in both, with values CloudFormation does not consider equal.
        /// - `remove`: it is only in the old template.
        case add, update, remove
    }

    /// The entry's key in its section: an output's, parameter's, condition's, mapping's or rule's name, a
    /// `Metadata` key, or a header key (`AWSTemplateFormatVersion`, `Description`, `Transform`).
    public var name: String
    /// Whether it was added, updated or removed.
    public var kind: Kind
    /// The entry's value in the old template; `nil` when it is added.
    public var old: JSONValue?
    /// The entry's value in the new template; `nil` when it is removed.
    public var new: JSONValue?
}
