import FormworkTemplate
import OrderedCollections

/// CloudFormation's own verdict on one resource, as a change set gives it: the counterpart of a
/// ``ResourceChange`` the static diff computes.
public struct CloudFormationVerdict: Sendable, Equatable {
    /// The resource's logical ID, as the change set's `LogicalResourceId` gives it.
    public var logicalId: String
    /// The resource's CloudFormation type, such as `AWS::SQS::Queue` (the change set's `ResourceType`).
    public var resourceType: String
    /// The verdict in the diff's words: `add`, `update`, `replace`, `may-replace` or `destroy`.
    public var action: String
    /// The properties CloudFormation says force the replacement (`Always` or `Conditionally`).
    public var recreatingProperties: [String]

    /// A verdict of `action` on the resource `logicalId`; no recreating properties unless given.
    public init(logicalId: String, resourceType: String, action: String, recreatingProperties: [String] = []) {
        self.logicalId = logicalId
        self.resourceType = resourceType
        self.action = action
        self.recreatingProperties = recreatingProperties
    }
}

/// A resource on which the static diff and CloudFormation's change set give different verdicts.
public struct VerdictDisagreement: Sendable, Equatable {
    /// The resource's logical ID.
    public var logicalId: String
    /// The resource's CloudFormation type: the new template's, or the change set's when the diff does not list it.
    public var resourceType: String
    /// The static diff's verdict (`no change` when it lists nothing).
    public var formwork: String
    /// CloudFormation's verdict (`no change` when the change set lists nothing).
    public var cloudFormation: String
    /// What CloudFormation names as the cause of its replacement.
    public var recreatingProperties: [String]

    /// A disagreement on the resource `logicalId` between the verdicts `formwork` and `cloudFormation`.
    public init(logicalId: String, resourceType: String, formwork: String, cloudFormation: String, recreatingProperties: [String]) {
        self.logicalId = logicalId
        self.resourceType = resourceType
        self.formwork = formwork
        self.cloudFormation = cloudFormation
        self.recreatingProperties = recreatingProperties
    }
}

/// Where the static diff and a change set disagree, resource by resource.
public enum ChangeSetVerdicts {
    /// The resources whose verdicts differ between `diff` and `verdicts`, in logical-ID order.
    public static func disagreements(_ diff: TemplateDiff, _ verdicts: [CloudFormationVerdict]) -> [VerdictDisagreement] {
        var staticVerdicts = OrderedDictionary<String, (type: String, action: String)>()
        for change in diff.resources {
            staticVerdicts[change.logicalId] = (change.type, change.action == .orphan ? ResourceChange.Action.destroy.rawValue : change.action.rawValue)
        }
        var cloudVerdicts = OrderedDictionary<String, CloudFormationVerdict>()
        for verdict in verdicts { cloudVerdicts[verdict.logicalId] = verdict }
        let noChange = "no change"
        var result: [VerdictDisagreement] = []
        for logicalId in Set(staticVerdicts.keys).union(cloudVerdicts.keys).sorted() {
            let formwork = staticVerdicts[logicalId]?.action ?? noChange
            let cloud = cloudVerdicts[logicalId]
            guard formwork != (cloud?.action ?? noChange) else { continue }
            result.append(
                VerdictDisagreement(
                    logicalId: logicalId, resourceType: staticVerdicts[logicalId]?.type ?? cloud?.resourceType ?? "",
                    formwork: formwork, cloudFormation: cloud?.action ?? noChange,
                    recreatingProperties: cloud?.recreatingProperties ?? []))
        }
        return result
    }

    /// The disagreements as text lines, for the text and Markdown diff.
    public static func describe(_ disagreements: [VerdictDisagreement], changes: Int) -> [String] {
        guard !disagreements.isEmpty else {
            return ["CloudFormation's change set (\(changes) change\(changes == 1 ? "" : "s")) agrees with this diff."]
        }
        var lines = ["CloudFormation's change set disagrees on \(disagreements.count) resource\(disagreements.count == 1 ? "" : "s"):"]
        for disagreement in disagreements {
            let cause = disagreement.recreatingProperties.isEmpty ? "" : " (because of \(disagreement.recreatingProperties.joined(separator: ", ")))"
            lines.append(
                "  \(disagreement.logicalId) (\(disagreement.resourceType)): Formwork says \(disagreement.formwork), CloudFormation says \(disagreement.cloudFormation)\(cause)"
            )
        }
        return lines
    }

    /// The disagreements as the `changeSet` member of a stack in `diff --format json`.
    public static func json(_ disagreements: [VerdictDisagreement], changes: Int) -> JSONValue {
        [
            "changes": .number(Double(changes)),
            "agrees": .bool(disagreements.isEmpty),
            "disagreements": .array(
                disagreements.map { disagreement in
                    [
                        "logicalId": .string(disagreement.logicalId), "type": .string(disagreement.resourceType),
                        "formwork": .string(disagreement.formwork), "cloudFormation": .string(disagreement.cloudFormation),
                        "causes": .array(disagreement.recreatingProperties.map(JSONValue.string)),
                    ]
                }),
        ]
    }
}
