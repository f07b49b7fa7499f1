import FormworkDiff
import FormworkTemplate

/// What a live diff says of a stack beyond the diff itself: the deployed stack's state, and CloudFormation's
/// verdict from a change set.
struct StackAnnotation: Sendable {
    /// Remarks on the deployed stack (failed, in progress, not deployed).
    var notes: [String] = []
    /// The deployed stack's status; `nil` when it is not deployed.
    var deployedStatus: String?
    /// Where a change set's verdicts and the static diff disagree, with the number of changes it holds.
    var changeSet: (disagreements: [VerdictDisagreement], changes: Int)?
    /// Why no change set verdict could be had.
    var changeSetFailure: String?

    /// The annotation as lines under the stack's text diff.
    var lines: [String] {
        var lines = notes.map { "note: \($0)" }
        if let changeSet { lines += ChangeSetVerdicts.describe(changeSet.disagreements, changes: changeSet.changes) }
        if let changeSetFailure { lines.append("CloudFormation's change set: \(changeSetFailure)") }
        return lines
    }

    /// The annotation as members added to the stack's `diff --format json` object.
    var jsonMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if let deployedStatus { members.append(("deployedStatus", .string(deployedStatus))) }
        if !notes.isEmpty { members.append(("notes", .array(notes.map(JSONValue.string)))) }
        if let changeSet { members.append(("changeSet", ChangeSetVerdicts.json(changeSet.disagreements, changes: changeSet.changes))) }
        if let changeSetFailure { members.append(("changeSet", ["error": .string(changeSetFailure)])) }
        return members
    }
}
