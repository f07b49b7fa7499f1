import FormworkCloud
import FormworkCore
import FormworkDiff
import FormworkTemplate
import Foundation
import OrderedCollections

/// When a deployment waits for a human: never, when access widens, or on any change (`cdk deploy`'s
/// `--require-approval`).
public enum ApprovalLevel: String, Sendable, CaseIterable {
    /// Never waits: every deployment goes ahead.
    case never
    /// Waits when the diff widens access: an IAM statement or managed policy granted, a security-group rule added.
    case broadening
    /// Waits for any difference between the deployed template and the new one.
    case anyChange = "any-change"
}

/// Deploys and destroys one stack through CloudFormation: assets first, then a change set, approval when
/// asked for, execution, and the stack's events followed until it settles.
public struct StackDeployer: Sendable {
    /// The account and region deployed to, with the clients and bootstrap bucket used there.
    public let target: DeployTarget
    /// When a deployment waits for ``approve`` before executing its change set.
    public var approval: ApprovalLevel
    /// Asked when approval is needed, with the stack's name and its diff; `false` refuses. Non-interactive
    /// runs refuse.
    public var approve: @Sendable (String, TemplateDiff) -> Bool
    /// Each progress line.
    public var report: @Sendable (String) -> Void
    /// A stack's progress while CloudFormation works, in a line replaced by the next (a terminal's status line).
    public var status: @Sendable (String) -> Void = { _ in }
    /// Read between steps: once it has happened, no further change set is executed and following a stack stops
    /// (CloudFormation goes on with a change already executed).
    public var interruption: Interruption
    /// The pause between polls of a change set or a stack.
    public var pollInterval: TimeInterval = 1
    /// The logical ids a continued rollback leaves as they are (`ContinueUpdateRollback`'s
    /// `ResourcesToSkip`), for a stack stuck in `UPDATE_ROLLBACK_FAILED`; none by default.
    public var resourcesToSkip: [String] = []
    /// Whether a failed deployment rolls back (`true`, the default) or stops where it failed, keeping what it
    /// made so far for a retry (`cdk deploy --no-rollback`): the stack is then paused in `CREATE_FAILED` or
    /// `UPDATE_FAILED` until the next deployment or ``rollBack(_:)``.
    public var rollback = true
    /// SNS topics CloudFormation sends the stack's events to (`NotificationARNs`, at most 5); none by default.
    public var notificationArns: [String] = []

    /// A deployer to `target` that asks `approve` as `approval` says and reports progress to `report`; by
    /// default never interrupted.
    public init(
        target: DeployTarget, approval: ApprovalLevel, approve: @escaping @Sendable (String, TemplateDiff) -> Bool,
        report: @escaping @Sendable (String) -> Void, interruption: Interruption = Interruption()
    ) {
        self.target = target
        self.approval = approval
        self.approve = approve
        self.report = report
        self.interruption = interruption
    }

    /// How a deployment ended.
    public enum Outcome: Sendable, Equatable {
        /// The deployed template already matched: the change set was empty and is deleted.
        case noChanges(outputs: OrderedDictionary<String, String>)
        /// The change set was executed and the stack settled in a successful state, with these outputs.
        case deployed(outputs: OrderedDictionary<String, String>)
        /// The stack has no resources, which CloudFormation refuses: not deployed (a deployed one is left as it is).
        case skipped
        /// The changes were made by the services' own APIs, without CloudFormation (`--hotswap`): `changes`
        /// says which.
        case hotswapped(changes: [String], outputs: OrderedDictionary<String, String>)

        /// The stack's outputs after the deployment, value by `OutputKey` in key order; empty when skipped.
        public var outputs: OrderedDictionary<String, String> {
            switch self {
            case .noChanges(let outputs), .deployed(let outputs), .hotswapped(_, let outputs): outputs
            case .skipped: [:]
            }
        }

        /// In a word, for the command's summary.
        public var summary: String {
            switch self {
            case .noChanges: "no changes"
            case .deployed: "deployed"
            case .skipped: "skipped (no resources)"
            case .hotswapped(let changes, _): "hotswapped (\(changes.joined(separator: ", ")))"
            }
        }
    }

    private var cloudFormation: CloudFormationClient { target.cloudFormation }

    /// Deploys `stack` with `parameters` (given values; the others keep their previous or default values).
    /// What an earlier `--hotswap` changed behind CloudFormation's back is then set to what the template says.
    public func deploy(_ stack: CloudAssembly.StackArtifact, parameters: [String: String] = [:]) async throws(DeployError) -> Outcome {
        let outcome = try await deploy(
            StackRequest(
                name: stack.name, template: stack.template, assets: stack.assets, tags: stack.tags,
                terminationProtection: stack.terminationProtection), parameters: parameters)
        if outcome != .skipped { try await restoreHotswapped(stack) }
        return outcome
    }

    /// Deploys the template `body` as stack `name` (the bootstrap stack).
    public func deployTemplate(_ name: String, body: String) async throws(DeployError) -> Outcome {
        let template: Template
        do {
            template = try Template.parse(body, file: name)
        } catch {
            throw .refused(stack: name, reason: "the template cannot be read: \(error.description)")
        }
        return try await deploy(StackRequest(name: name, template: template), parameters: [:])
    }

    /// What a deployment puts in place.
    struct StackRequest: Sendable {
        var name: String
        var template: Template
        var assets: [FileAsset] = []
        var tags: OrderedDictionary<String, String> = [:]
        var terminationProtection = false
    }

    private func deploy(_ stack: StackRequest, parameters: [String: String]) async throws(DeployError) -> Outcome {
        let name = stack.name
        guard !stack.template.resources.isEmpty else {
            report("\(name) has no resources, which CloudFormation refuses: not deployed (a deployed \(name) is left as it is; `destroy` removes it)")
            return .skipped
        }
        var existing = try await cloud { () async throws(CloudError) in try await cloudFormation.stack(named: name) }
        if let current = existing, current.status == "ROLLBACK_FAILED" {
            existing = try await deleteFailedCreation(current)
        }
        if let current = existing, Self.pausedStatuses.contains(current.status), rollback || current.status == "CREATE_FAILED" {
            existing = try await rollBackPaused(current)
        }
        if let current = existing, current.status == "ROLLBACK_COMPLETE" {
            existing = try await deleteFailedCreation(current)
        }
        if let current = existing, current.status == "UPDATE_ROLLBACK_FAILED" {
            existing = try await continueRollback(of: current)
        }
        if let current = existing, current.status.hasSuffix("_IN_PROGRESS"), current.status != "REVIEW_IN_PROGRESS" {
            throw .refused(stack: name, reason: "it is \(current.status); wait until it settles, then deploy again")
        }
        let isNew = existing == nil || existing?.status == "REVIEW_IN_PROGRESS"
        let deployed: Template? = isNew ? nil : try await deployedTemplate(name)
        let diff = TemplateDiffer().diff(old: deployed ?? Template(), new: stack.template)

        let published = try await AssetPublisher(target: target).publish(stack.assets)
        if !published.uploaded.isEmpty || !published.alreadyThere.isEmpty {
            report("\(name): assets \(published.uploaded.count) uploaded, \(published.alreadyThere.count) already in \(target.assetBucket)")
        }
        let source = try await templateSource(stack)
        let changeSetName = CloudFormationClient.uniqueChangeSetName(prefix: "formwork-deploy")
        let stackParameters = parameterValues(stack.template, deployed: deployed, given: parameters)
        let tags = stack.tags.map { (key: $0.key, value: $0.value) }
        let changeSet: ChangeSet
        do {
            changeSet = try await refusable(name) { () async throws(CloudError) -> ChangeSet in
                _ = try await cloudFormation.createChangeSet(
                    stack: name, name: changeSetName, template: source, type: isNew ? "CREATE" : "UPDATE",
                    parameters: stackParameters, tags: tags, roleArn: target.executionRole, notificationArns: notificationArns,
                    description: "Formwork deploy")
                return try await cloudFormation.settledChangeSet(stack: name, name: changeSetName)
            }
        } catch .changeSetFailed(_, let reason) where reason.contains("No updates are to be performed") {
            // Some endpoints refuse the request itself rather than making a change set that failed for no changes.
            return try await noChanges(stack, existing: existing)
        }
        if !rollback, let replaced = changeSet.changes.first(where: \.replaces) {
            try await discard(changeSetName, of: name, isNew: isNew)
            throw .refused(
                stack: name,
                reason:
                    "the change replaces \(replaced.logicalId) (\(replaced.resourceType)), which CloudFormation cannot do with rollback disabled; deploy without --no-rollback"
            )
        }
        if changeSet.hasNoChanges {
            try await discard(changeSetName, of: name, isNew: isNew)
            return try await noChanges(stack, existing: existing)
        }
        guard changeSet.status == "CREATE_COMPLETE" else {
            try await discard(changeSetName, of: name, isNew: isNew)
            throw .changeSetFailed(stack: name, reason: changeSet.statusReason ?? changeSet.status)
        }
        report(DiffTextRenderer().render(name, diff).split(separator: "\n").first.map(String.init) ?? name)
        if diff.security.widens {
            for line in DiffTextRenderer().renderSecurity(name, diff).split(separator: "\n") { report(String(line)) }
        }
        if needsApproval(diff), !approve(name, diff) {
            try await discard(changeSetName, of: name, isNew: isNew)
            let why =
                approval == .anyChange
                ? "every change needs approval (--require-approval any-change)"
                : "access widens (\(diff.security.statements.filter(\.widens).count) IAM statement(s), \(diff.security.managedPolicies.filter { $0.kind == .added }.count) managed policy(ies), \(diff.security.securityGroupRules.filter(\.widens).count) security-group rule(s))"
            throw .approvalRefused(stack: name, reason: "\(why) and it was not approved; approve it in a terminal, or pass --require-approval never")
        }
        if interruption.happened {
            try await discard(changeSetName, of: name, isNew: isNew)
            throw .refused(stack: name, reason: "interrupted before the change set was executed; nothing changed")
        }
        let lastEvent = try await cloud { () async throws(CloudError) -> String? in
            try await cloudFormation.events(ofStack: name, after: nil).last?.id
        }
        do {
            let disableRollback = !rollback
            try await refusable(name) { () async throws(CloudError) in
                try await cloudFormation.executeChangeSet(stack: name, name: changeSetName, disableRollback: disableRollback)
            }
        } catch {
            // An answer lost after CloudFormation started the change set, then refused on a retry: the change set
            // runs, and must be followed, never discarded.
            switch await isExecuting(changeSetName, of: name) {
            case true?: break
            case false?:
                try? await discard(changeSetName, of: name, isNew: isNew)
                throw error
            case nil:
                // Whether it runs cannot be read: leave the change set alone, never discard one that may run.
                throw error
            }
        }
        report("\(name): deploying \(changeSet.changes.count) change\(changeSet.changes.count == 1 ? "" : "s")")
        let outcome = try await follower.follow(name, after: lastEvent, total: changeSet.changes.count, before: existing?.status)
        guard ["CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE"].contains(outcome.status) else {
            let paused =
                Self.pausedStatuses.contains(outcome.status)
                ? " (rollback is off: the stack keeps what was deployed so far; fix the cause and deploy again, or run `rollback \(name)`)" : ""
            throw .deploymentFailed(stack: name, reason: (outcome.firstFailure ?? "CloudFormation gave no reason") + paused, finalStatus: outcome.status)
        }
        try await applyTerminationProtection(stack, existing: existing)
        return .deployed(outputs: try await outputs(name))
    }

    /// The statuses of a stack a deployment with rollback disabled left where it failed.
    static let pausedStatuses: Set<String> = ["CREATE_FAILED", "UPDATE_FAILED"]

    /// Rolls back stack `name` as `<app> rollback` does: a stack paused after a failure with rollback disabled
    /// goes back to its last stable state (`RollbackStack`); one stuck in `UPDATE_ROLLBACK_FAILED` finishes
    /// its rollback, skipping ``resourcesToSkip``. Returns the stack's status afterwards; a stack with
    /// nothing to roll back is left as it is.
    public func rollBack(_ name: String) async throws(DeployError) -> String {
        guard let current = try await cloud({ () async throws(CloudError) in try await cloudFormation.stack(named: name) }) else {
            throw .refused(stack: name, reason: "it is not deployed; there is nothing to roll back")
        }
        if Self.pausedStatuses.contains(current.status) {
            return try await rollBackPaused(current)?.status ?? "DELETE_COMPLETE"
        }
        if current.status == "UPDATE_ROLLBACK_FAILED" {
            return try await continueRollback(of: current)?.status ?? "DELETE_COMPLETE"
        }
        if current.status.hasSuffix("_IN_PROGRESS") {
            throw .refused(stack: name, reason: "it is \(current.status); wait until it settles, then roll it back if it stops in a failed state")
        }
        report("\(name) is \(current.status): nothing to roll back")
        return current.status
    }

    /// Rolls back a stack paused in `CREATE_FAILED` or `UPDATE_FAILED`; returns the stack as it is afterwards.
    private func rollBackPaused(_ current: CloudFormationClient.Stack) async throws(DeployError) -> CloudFormationClient.Stack? {
        report("\(current.name) is \(current.status), paused where a deployment without rollback failed: rolling it back")
        let lastEvent = try await cloud { () async throws(CloudError) -> String? in try await cloudFormation.events(ofStack: current.id, after: nil).last?.id }
        let role = target.executionRole
        try await cloud { () async throws(CloudError) in try await cloudFormation.rollbackStack(current.id, roleArn: role) }
        let outcome = try await follower.follow(current.id, after: lastEvent, total: 0, before: current.status)
        guard ["ROLLBACK_COMPLETE", "UPDATE_ROLLBACK_COMPLETE"].contains(outcome.status) else {
            throw .deploymentFailed(
                stack: current.name, reason: "its rollback could not be completed: \(outcome.firstFailure ?? outcome.status)", finalStatus: outcome.status)
        }
        return try await cloud { () async throws(CloudError) in try await cloudFormation.stack(named: current.id) }
    }

    /// Deletes a stack whose creation failed and rolled back (`ROLLBACK_COMPLETE`, `ROLLBACK_FAILED`), which
    /// CloudFormation cannot update, so that it can be created again; returns `nil`, the stack being gone.
    private func deleteFailedCreation(_ current: CloudFormationClient.Stack) async throws(DeployError) -> CloudFormationClient.Stack? {
        report("\(current.name) is \(current.status) (its creation failed): deleting it before creating it again")
        let lastEvent = try await cloud { () async throws(CloudError) -> String? in try await cloudFormation.events(ofStack: current.id, after: nil).last?.id }
        try await cloud { () async throws(CloudError) in try await cloudFormation.deleteStack(current.id) }
        let outcome = try await follower.follow(current.id, after: lastEvent, total: 0, before: current.status, deleting: true)
        guard outcome.status == "DELETE_COMPLETE" else {
            throw .deploymentFailed(
                stack: current.name,
                reason:
                    "the failed stack could not be deleted: \(outcome.firstFailure ?? outcome.status); delete it in the console, keeping the resource that fails, then deploy again",
                finalStatus: outcome.status)
        }
        return nil
    }

    /// Finishes the rollback of a stack stuck in `UPDATE_ROLLBACK_FAILED` (CloudFormation refuses any update
    /// until then), skipping ``resourcesToSkip``; returns the stack as it is afterwards.
    private func continueRollback(of current: CloudFormationClient.Stack) async throws(DeployError) -> CloudFormationClient.Stack? {
        let skipped = resourcesToSkip.isEmpty ? "" : ", leaving \(resourcesToSkip.joined(separator: ", ")) as they are"
        report("\(current.name) is UPDATE_ROLLBACK_FAILED: continuing its rollback\(skipped)")
        let lastEvent = try await cloud { () async throws(CloudError) -> String? in try await cloudFormation.events(ofStack: current.id, after: nil).last?.id }
        let skip = resourcesToSkip
        try await cloud { () async throws(CloudError) in try await cloudFormation.continueUpdateRollback(stack: current.id, resourcesToSkip: skip) }
        let outcome = try await follower.follow(current.id, after: lastEvent, total: 0, before: current.status)
        guard outcome.status == "UPDATE_ROLLBACK_COMPLETE" else {
            let failed = outcome.events.first { $0.status.hasSuffix("_FAILED") }?.logicalId
            let advice = failed.map { "; if \($0) cannot be rolled back, deploy again with --skip-resource \($0) (it keeps its current state)" } ?? ""
            throw .deploymentFailed(
                stack: current.name, reason: "its rollback could not be completed: \(outcome.firstFailure ?? outcome.status)\(advice)",
                finalStatus: outcome.status)
        }
        return try await cloud { () async throws(CloudError) in try await cloudFormation.stack(named: current.id) }
    }

    /// Whether change set `name` of `stack` has been executed (or is being), whatever the call that asked
    /// said; `nil` when the change set cannot be read.
    private func isExecuting(_ name: String, of stack: String) async -> Bool? {
        guard let changeSet = try? await cloudFormation.changeSet(stack: stack, name: name) else { return nil }
        return ["EXECUTE_IN_PROGRESS", "EXECUTE_COMPLETE", "EXECUTE_FAILED"].contains(changeSet.executionStatus ?? "")
    }

    /// The end of a deployment whose template changes nothing: the stack's own settings still apply.
    private func noChanges(_ stack: StackRequest, existing: CloudFormationClient.Stack?) async throws(DeployError) -> Outcome {
        try await applyTerminationProtection(stack, existing: existing)
        report("\(stack.name): no changes")
        return .noChanges(outputs: try await outputs(stack.name))
    }

    /// Turns termination protection on or off as the app says, when the deployed stack differs; also when
    /// the template has no changes (the setting is the stack's, not the template's).
    private func applyTerminationProtection(_ stack: StackRequest, existing: CloudFormationClient.Stack?) async throws(DeployError) {
        let current = existing?.terminationProtection ?? false
        guard stack.terminationProtection != current else { return }
        try await cloud { () async throws(CloudError) in
            try await cloudFormation.setTerminationProtection(stack: stack.name, enabled: stack.terminationProtection)
        }
    }

    /// Deletes stack `name`; returns the resources its deletion policies keep (logical id and type).
    public func destroy(_ name: String) async throws(DeployError) -> [(logicalId: String, type: String)] {
        guard let existing = try await cloud({ () async throws(CloudError) in try await cloudFormation.stack(named: name) }) else {
            report("\(name): not deployed")
            return []
        }
        if existing.terminationProtection {
            throw .refused(stack: name, reason: "termination protection is on; turn it off in the app (terminationProtection: false) and deploy, then destroy")
        }
        let template = existing.hasNoTemplate ? nil : try await deployedTemplate(existing.id)
        let retained = (template?.resources ?? [:]).filter { ["Retain", "RetainExceptOnCreate"].contains($0.value.deletionPolicy ?? "") }
            .map { (logicalId: $0.key, type: $0.value.type) }
        let lastEvent = try await cloud { () async throws(CloudError) -> String? in try await cloudFormation.events(ofStack: existing.id, after: nil).last?.id }
        try await cloud { () async throws(CloudError) in try await cloudFormation.deleteStack(existing.id) }
        let outcome = try await follower.follow(existing.id, after: lastEvent, total: template?.resources.count ?? 0, before: existing.status, deleting: true)
        guard outcome.status == "DELETE_COMPLETE" else {
            throw .deploymentFailed(stack: name, reason: outcome.firstFailure ?? "CloudFormation gave no reason", finalStatus: outcome.status)
        }
        return retained
    }

    private var follower: StackFollower {
        StackFollower(cloudFormation: cloudFormation, report: report, status: status, interruption: interruption, pause: pollInterval)
    }

    private func needsApproval(_ diff: TemplateDiff) -> Bool {
        switch approval {
        case .never: false
        case .broadening: diff.security.widens
        case .anyChange: !diff.isEmpty
        }
    }

    /// The given values, and for an update the previous value of every parameter the deployed stack has
    /// (as CloudFormation and CDK keep it: a default in the template does not win over it).
    private func parameterValues(_ template: Template, deployed: Template?, given: [String: String]) -> [(key: String, value: String?)] {
        template.parameters.keys.compactMap { key -> (key: String, value: String?)? in
            if let value = given[key] { return (key, value) }
            if deployed?.parameters[key] != nil { return (key, nil) }
            return nil
        }
    }

    private func deployedTemplate(_ name: String) async throws(DeployError) -> Template {
        let body = try await cloud { () async throws(CloudError) -> String in try await cloudFormation.template(ofStack: name) }
        do {
            return try Template.parse(body, file: "\(name) (deployed)")
        } catch {
            throw .refused(stack: name, reason: "the deployed template cannot be read: \(error.description)")
        }
    }

    /// The template's text, or above 51,200 bytes its S3 URL in the template bucket.
    private func templateSource(_ stack: StackRequest) async throws(DeployError) -> CloudFormationClient.TemplateSource {
        let body: String
        do {
            body = try stack.template.text(in: .json)
        } catch {
            throw .refused(stack: stack.name, reason: "the template cannot be written: \(error)")
        }
        guard body.utf8.count > CloudFormationClient.maximumTemplateBodyBytes else { return .body(body) }
        let data = Data(body.utf8)
        let key = ContentHash.sha256(data) + ".json"
        let bucket = target.templateBucket
        try await cloud { () async throws(CloudError) in
            try await target.s3.upload(
                bucket: bucket, key: key, body: data, contentType: "application/json", encryption: try await target.s3.defaultEncryption(of: bucket))
        }
        return .url(try await cloud { () throws(CloudError) -> String in try target.s3.objectURL(bucket: bucket, key: key).absoluteString })
    }

    /// Deletes an unexecuted change set, and the empty stack a first change set created.
    private func discard(_ changeSet: String, of stack: String, isNew: Bool) async throws(DeployError) {
        try await cloud { () async throws(CloudError) in
            try await cloudFormation.deleteChangeSet(stack: stack, name: changeSet)
            if isNew, let review = try await cloudFormation.stack(named: stack), review.status == "REVIEW_IN_PROGRESS" {
                try await cloudFormation.deleteStack(review.id)
            }
        }
    }

    private func outputs(_ name: String) async throws(DeployError) -> OrderedDictionary<String, String> {
        let stack = try await cloud { () async throws(CloudError) in try await cloudFormation.stack(named: name) }
        return Self.outputs(of: stack)
    }

    /// The outputs of `stack`, in key order.
    static func outputs(of stack: CloudFormationClient.Stack?) -> OrderedDictionary<String, String> {
        OrderedDictionary(uniqueKeysWithValues: (stack?.outputs ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// `operation`, with CloudFormation's refusal of the request itself (a 400 that is not about the
    /// credentials: an invalid template, an unsupported type) a failed deployment of `stack`, not the
    /// environment's failure.
    private func refusable<T>(_ stack: String, _ operation: () async throws(CloudError) -> T) async throws(DeployError) -> T {
        do {
            return try await operation()
        } catch .service(let error) where error.status == 400 && error.advice == nil && !error.isRetryable {
            throw .changeSetFailed(stack: stack, reason: "\(error.code): \(error.message)")
        } catch {
            throw .cloud(error)
        }
    }

    func cloud<T>(_ operation: () async throws(CloudError) -> T) async throws(DeployError) -> T {
        do {
            return try await operation()
        } catch {
            throw .cloud(error)
        }
    }
}
