import FormworkDiff
import FormworkTemplate

/// What a live diff says of a stack beyond the diff itself: the deployed stack's state, and CloudFormation's
/// verdict from a change set.
public struct StackAnnotation: Sendable {
    /// Remarks on the deployed stack (failed, in progress, not deployed).
    public var notes: [String] = []
    /// The deployed stack's status; `nil` when it is not deployed.
    public var deployedStatus: String?
    /// Where a change set's verdicts and the static diff disagree, with the number of changes it holds.
    public var changeSet: (disagreements: [VerdictDisagreement], changes: Int)?
    /// Why no change set verdict could be had.
    public var changeSetFailure: String?

    /// An annotation with what is known of the stack; nothing by default.
    public init(
        notes: [String] = [], deployedStatus: String? = nil, changeSet: (disagreements: [VerdictDisagreement], changes: Int)? = nil,
        changeSetFailure: String? = nil
    ) {
        self.notes = notes
        self.deployedStatus = deployedStatus
        self.changeSet = changeSet
        self.changeSetFailure = changeSetFailure
    }

    /// The annotation as lines under the stack's text diff.
    public var lines: [String] {
        var lines = notes.map { "note: \($0)" }
        if let changeSet { lines += ChangeSetVerdicts.describe(changeSet.disagreements, changes: changeSet.changes) }
        if let changeSetFailure { lines.append("CloudFormation's change set: \(changeSetFailure)") }
        return lines
    }

    /// The annotation as members added to the stack's `diff --format json` object.
    public var jsonMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if let deployedStatus { members.append(("deployedStatus", .string(deployedStatus))) }
        if !notes.isEmpty { members.append(("notes", .array(notes.map(JSONValue.string)))) }
        if let changeSet { members.append(("changeSet", ChangeSetVerdicts.json(changeSet.disagreements, changes: changeSet.changes))) }
        if let changeSetFailure { members.append(("changeSet", ["error": .string(changeSetFailure)])) }
        return members
    }
}
