import FormworkTemplate

extension ValidationRun {
    /// A backup kept in cold storage stays there at least 90 days: `DeleteAfterDays` is at least
    /// `MoveToColdStorageAfterDays` + 90, in a rule's lifecycle and in its copy actions' (cfn-lint E3504).
    mutating func checkColdStorageLifecycles(of plan: Template.Resource, path: [String]) {
        guard let rules = plan.properties["BackupPlan"]?["BackupPlanRule"]?.arrayValue else { return }
        let rulesPath = path + ["BackupPlan", "BackupPlanRule"]
        for (index, rule) in rules.enumerated() {
            checkColdStorage(rule["Lifecycle"], path: rulesPath + [String(index), "Lifecycle"])
            for (copy, action) in (rule["CopyActions"]?.arrayValue ?? []).enumerated() {
                checkColdStorage(action["Lifecycle"], path: rulesPath + [String(index), "CopyActions", String(copy), "Lifecycle"])
            }
        }
    }

    private mutating func checkColdStorage(_ lifecycle: JSONValue?, path: [String]) {
        guard let delete = lifecycle?["DeleteAfterDays"]?.literalInteger,
            let cold = lifecycle?["MoveToColdStorageAfterDays"]?.literalInteger,
            delete - cold < 90
        else { return }
        error(
            "backup-lifecycle", path + ["DeleteAfterDays"],
            "recovery points move to cold storage after \(cold) days and are deleted after \(delete); AWS Backup keeps them in cold storage at least 90 days, so DeleteAfterDays must be at least \(cold + 90)"
        )
    }
}
