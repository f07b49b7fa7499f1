import Foundation

/// The CloudFormation calls Formwork makes: read stacks and their templates, and create, read and delete
/// change sets.
public struct CloudFormationClient: Sendable {
    let query: AWSQueryClient

    /// A client for CloudFormation in `region` as `environment` reaches it.
    public init(environment: AWSEnvironment, region: String, credentials: RefreshingCredentials) throws(CloudError) {
        query = AWSQueryClient(
            service: "cloudformation", version: "2010-05-15",
            endpoint: try environment.endpoint(for: "cloudformation", region: region), region: region,
            credentials: credentials, transport: environment.transport, retry: environment.retry)
    }

    /// The region the client talks to.
    public var region: String { query.region }

    /// A deployed stack as `DescribeStacks` describes it.
    public struct Stack: Sendable, Equatable {
        /// The stack's ID (`StackId`): its ARN, `arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>`.
        public var id: String
        /// The stack's name (`StackName`).
        public var name: String
        /// The stack's `StackStatus`, such as `CREATE_COMPLETE`, `UPDATE_IN_PROGRESS`, `UPDATE_ROLLBACK_COMPLETE`
        /// or `REVIEW_IN_PROGRESS`.
        public var status: String
        /// Why it has its status (`StackStatusReason`); `nil` when CloudFormation gives no reason.
        public var statusReason: String?
        /// The stack's outputs, value by `OutputKey`; empty when it has none.
        public var outputs: [String: String]
        /// Whether termination protection is on.
        public var terminationProtection: Bool = false
        /// The role CloudFormation acts with for this stack (`RoleARN`); `nil` when it acts as each caller.
        public var roleArn: String?

        /// Settled in a failed state or still changing: a diff against it says so.
        public var isUnsettled: Bool {
            status.hasSuffix("_IN_PROGRESS") || status.hasSuffix("_FAILED") || status == "ROLLBACK_COMPLETE"
        }

        /// Created for a change set and never deployed (`REVIEW_IN_PROGRESS`), or deleted: it has no template yet.
        public var hasNoTemplate: Bool {
            status == "REVIEW_IN_PROGRESS" || status == "DELETE_COMPLETE"
        }
    }

    /// The stack named `name`; `nil` when there is none.
    public func stack(named name: String) async throws(CloudError) -> Stack? {
        let result: XMLTree
        do {
            result = try await query.call("DescribeStacks", [("StackName", name)])
        } catch .service(let error) where error.code == "ValidationError" && error.message.contains("does not exist") {
            return nil
        }
        guard let member = result.members("Stacks").first else { return nil }
        var outputs: [String: String] = [:]
        for output in member.members("Outputs") {
            if let key = output.string("OutputKey") { outputs[key] = output.string("OutputValue") ?? "" }
        }
        return Stack(
            id: member.string("StackId") ?? name, name: member.string("StackName") ?? name, status: member.string("StackStatus") ?? "",
            statusReason: member.string("StackStatusReason"), outputs: outputs,
            terminationProtection: member.string("EnableTerminationProtection") == "true", roleArn: member.string("RoleARN"))
    }

    /// The template of stack `name` as it was submitted (stage `Original`), character for character.
    public func template(ofStack name: String) async throws(CloudError) -> String {
        let result = try await query.call("GetTemplate", [("StackName", name), ("TemplateStage", "Original")])
        guard let body = result.string("TemplateBody") else {
            throw .invalidResponse(service: "cloudformation", action: "GetTemplate", reason: "the answer has no TemplateBody")
        }
        return body
    }

    /// A stack's name and status as `ListStacks` lists it.
    public struct StackSummary: Sendable, Equatable {
        /// The stack's name (`StackName`).
        public var name: String
        /// The stack's `StackStatus`, such as `CREATE_COMPLETE` or `UPDATE_ROLLBACK_COMPLETE`; never
        /// `DELETE_COMPLETE`, since deleted stacks are left out.
        public var status: String
    }

    /// Every stack not deleted, across all pages.
    public func stacks() async throws(CloudError) -> [StackSummary] {
        var summaries: [StackSummary] = []
        try await query.paginate("ListStacks") { result in
            for member in result.members("StackSummaries") where member.string("StackStatus") != "DELETE_COMPLETE" {
                summaries.append(StackSummary(name: member.string("StackName") ?? "", status: member.string("StackStatus") ?? ""))
            }
            return true
        }
        return summaries
    }

    /// A resource of a deployed stack as `ListStackResources` lists it.
    public struct StackResource: Sendable, Equatable {
        /// The resource's logical ID in the stack's template (`LogicalResourceId`).
        public var logicalId: String
        /// The name or ARN CloudFormation gave the resource: what `Ref` resolves to for most types.
        public var physicalId: String
        /// The resource's CloudFormation type, such as `AWS::Lambda::Function` (`ResourceType`).
        public var type: String
        /// The resource's `ResourceStatus`, such as `CREATE_COMPLETE`, `UPDATE_FAILED` or `DELETE_SKIPPED`.
        public var status: String

        /// A resource as listed.
        public init(logicalId: String, physicalId: String, type: String, status: String) {
            self.logicalId = logicalId
            self.physicalId = physicalId
            self.type = type
            self.status = status
        }
    }

    /// Every resource of the stack `name`, across all pages.
    public func resources(ofStack name: String) async throws(CloudError) -> [StackResource] {
        var resources: [StackResource] = []
        try await query.paginate("ListStackResources", [("StackName", name)]) { result in
            for member in result.members("StackResourceSummaries") {
                resources.append(
                    StackResource(
                        logicalId: member.string("LogicalResourceId") ?? "", physicalId: member.string("PhysicalResourceId") ?? "",
                        type: member.string("ResourceType") ?? "", status: member.string("ResourceStatus") ?? ""))
            }
            return true
        }
        return resources
    }

    /// Where a template comes from: its text, or an S3 URL for templates over 51,200 bytes.
    public enum TemplateSource: Sendable {
        /// The template's text, sent as `TemplateBody`; at most ``maximumTemplateBodyBytes`` bytes.
        case body(String)
        /// The URL of the template in S3, sent as `TemplateURL`.
        case url(String)

        var parameter: (String, String) {
            switch self {
            case .body(let text): ("TemplateBody", text)
            case .url(let url): ("TemplateURL", url)
            }
        }
    }

    /// The most template text a request may carry; larger templates go through S3.
    public static let maximumTemplateBodyBytes = 51_200

    /// Creates change set `name` for stack `stack` (`CREATE` for a stack that does not exist yet), with the
    /// capabilities CDK passes; a parameter without a value keeps its previous one. Returns the change set's id.
    ///
    /// - Parameters:
    ///   - roleArn: the role CloudFormation acts with (`RoleARN`); the caller's own permissions when `nil` (the default).
    ///   - notificationArns: SNS topics CloudFormation sends the stack's events to (at most 5); none by default.
    public func createChangeSet(
        stack: String, name: String, template: TemplateSource, type: String,
        parameters: [(key: String, value: String?)] = [], tags: [(key: String, value: String)] = [],
        roleArn: String? = nil, notificationArns: [String] = [], description: String? = nil
    ) async throws(CloudError) -> String {
        // One token for every attempt of this call: a retry after a lost answer does not make a second change set.
        var request: [(String, String)] = [
            ("StackName", stack), ("ChangeSetName", name), ("ChangeSetType", type), template.parameter,
            ("ClientToken", Self.requestToken()),
        ]
        for (index, capability) in ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"].enumerated() {
            request.append(("Capabilities.member.\(index + 1)", capability))
        }
        for (index, parameter) in parameters.enumerated() {
            request.append(("Parameters.member.\(index + 1).ParameterKey", parameter.key))
            if let value = parameter.value {
                request.append(("Parameters.member.\(index + 1).ParameterValue", value))
            } else {
                request.append(("Parameters.member.\(index + 1).UsePreviousValue", "true"))
            }
        }
        for (index, tag) in tags.enumerated() {
            request.append(("Tags.member.\(index + 1).Key", tag.key))
            request.append(("Tags.member.\(index + 1).Value", tag.value))
        }
        if let roleArn { request.append(("RoleARN", roleArn)) }
        for (index, topic) in notificationArns.enumerated() { request.append(("NotificationARNs.member.\(index + 1)", topic)) }
        if let description { request.append(("Description", description)) }
        let result = try await query.call("CreateChangeSet", request)
        return result.string("Id") ?? name
    }

    /// Waits until change set `name` of `stack` is created (or failed), then reads all its pages.
    public func settledChangeSet(stack: String, name: String, timeout: TimeInterval = 600) async throws(CloudError) -> ChangeSet {
        let start = Date()
        var pause: TimeInterval = 0.5
        while true {
            let changeSet = try await changeSet(stack: stack, name: name)
            if !changeSet.isPending { return changeSet }
            guard Date().timeIntervalSince(start) < timeout else {
                throw .timeout(host: "cloudformation (change set \(name))", seconds: timeout)
            }
            try? await Task.sleep(nanoseconds: UInt64(pause * 1_000_000_000))
            pause = min(pause * 1.5, 5)
        }
    }

    /// Change set `name` of `stack` with the changes of every page.
    public func changeSet(stack: String, name: String) async throws(CloudError) -> ChangeSet {
        var changeSet: ChangeSet?
        try await query.paginate("DescribeChangeSet", [("StackName", stack), ("ChangeSetName", name)]) { result in
            let page = ChangeSet(result)
            if changeSet == nil { changeSet = page } else { changeSet?.changes += page.changes }
            return true
        }
        guard let changeSet else {
            throw .invalidResponse(service: "cloudformation", action: "DescribeChangeSet", reason: "the answer has no change set")
        }
        return changeSet
    }

    /// The names of the change sets `stack` has, across all pages.
    public func changeSetNames(stack: String) async throws(CloudError) -> [String] {
        var names: [String] = []
        try await query.paginate("ListChangeSets", [("StackName", stack)]) { result in
            names += result.members("Summaries").compactMap { $0.string("ChangeSetName") }
            return true
        }
        return names
    }

    /// Deletes change set `name` of `stack`.
    public func deleteChangeSet(stack: String, name: String) async throws(CloudError) {
        _ = try await query.call("DeleteChangeSet", [("StackName", stack), ("ChangeSetName", name)])
    }

    /// Starts the update or creation change set `name` describes, with `disableRollback` keeping what a
    /// failed change created or changed (for `--no-rollback`).
    ///
    /// Idempotent across retries: every attempt carries the same `ClientRequestToken`, so CloudFormation
    /// takes a retry after a lost answer for the call it already ran.
    public func executeChangeSet(stack: String, name: String, disableRollback: Bool = false) async throws(CloudError) {
        var request = [("StackName", stack), ("ChangeSetName", name), ("ClientRequestToken", Self.requestToken())]
        if disableRollback { request.append(("DisableRollback", "true")) }
        _ = try await query.call("ExecuteChangeSet", request)
    }

    /// Deletes stack `name` (its resources, but those whose deletion policy keeps them); idempotent across
    /// retries (one `ClientRequestToken`).
    public func deleteStack(_ name: String) async throws(CloudError) {
        _ = try await query.call("DeleteStack", [("StackName", name), ("ClientRequestToken", Self.requestToken())])
    }

    /// Rolls back stack `name`, paused in `CREATE_FAILED` or `UPDATE_FAILED` after a deployment with rollback
    /// disabled, to its last stable state; idempotent across retries (one `ClientRequestToken`).
    ///
    /// - Parameter roleArn: the role CloudFormation acts with; the stack's own when `nil` (the default).
    public func rollbackStack(_ name: String, roleArn: String? = nil) async throws(CloudError) {
        var request = [("StackName", name), ("ClientRequestToken", Self.requestToken())]
        if let roleArn { request.append(("RoleARN", roleArn)) }
        _ = try await query.call("RollbackStack", request)
    }

    /// Continues the rollback of stack `name`, stuck in `UPDATE_ROLLBACK_FAILED`, leaving the resources
    /// `resourcesToSkip` (logical ids) as they are; idempotent across retries (one `ClientRequestToken`).
    public func continueUpdateRollback(stack name: String, resourcesToSkip: [String] = []) async throws(CloudError) {
        var request = [("StackName", name), ("ClientRequestToken", Self.requestToken())]
        for (index, logicalId) in resourcesToSkip.enumerated() { request.append(("ResourcesToSkip.member.\(index + 1)", logicalId)) }
        _ = try await query.call("ContinueUpdateRollback", request)
    }

    /// A change set name of its own for one operation: `<prefix>-<seconds since 1970>-<8 hex digits>`. The
    /// random part keeps two operations of the same second apart (some endpoints look change sets up by name
    /// alone, whatever the stack).
    public static func uniqueChangeSetName(prefix: String) -> String {
        "\(prefix)-\(Int(Date().timeIntervalSince1970))-\(String(UInt32.random(in: .min ... .max), radix: 16))"
    }

    /// A fresh token for one call's attempts: `formwork-` and a random UUID (CloudFormation takes up to 128
    /// characters of `[a-zA-Z0-9][-a-zA-Z0-9]*`).
    static func requestToken() -> String {
        "formwork-" + UUID().uuidString.lowercased()
    }

    /// Turns termination protection of stack `name` on or off.
    public func setTerminationProtection(stack name: String, enabled: Bool) async throws(CloudError) {
        _ = try await query.call("UpdateTerminationProtection", [("StackName", name), ("EnableTerminationProtection", enabled ? "true" : "false")])
    }

    /// One event of a stack's history.
    public struct StackEvent: Sendable, Equatable {
        /// The event's `EventId`, unique in the stack's history.
        public var id: String
        /// The logical ID of the resource the event is about (`LogicalResourceId`); the stack's name for the
        /// stack's own events.
        public var logicalId: String
        /// The resource's type (`ResourceType`); `AWS::CloudFormation::Stack` for the stack's own events.
        public var resourceType: String
        /// The resource's status after the event (`ResourceStatus`), such as `CREATE_IN_PROGRESS`,
        /// `UPDATE_FAILED` or `DELETE_COMPLETE`.
        public var status: String
        /// Why (`ResourceStatusReason`): for a failure, the error; `nil` when the event gives none.
        public var reason: String?
        /// When it happened (`Timestamp`); `nil` when missing or not readable as an ISO 8601 time.
        public var timestamp: Date?
    }

    /// The events of stack `name` newer than `after` (an event id), oldest first. Without `after`, the newest
    /// page only.
    /// A stack that does not exist (yet, to an eventually consistent read) has no events.
    public func events(ofStack name: String, after: String?) async throws(CloudError) -> [StackEvent] {
        var events: [StackEvent] = []
        do {
            try await pageEvents(ofStack: name, after: after, into: &events)
        } catch .service(let error) where error.code == "ValidationError" && error.message.contains("does not exist") {
            return []
        }
        return events.reversed()
    }

    private func pageEvents(ofStack name: String, after: String?, into events: inout [StackEvent]) async throws(CloudError) {
        try await query.paginate("DescribeStackEvents", [("StackName", name)]) { result in
            for member in result.members("StackEvents") {
                let event = StackEvent(
                    id: member.string("EventId") ?? "", logicalId: member.string("LogicalResourceId") ?? "",
                    resourceType: member.string("ResourceType") ?? "", status: member.string("ResourceStatus") ?? "",
                    reason: member.string("ResourceStatusReason"), timestamp: member.string("Timestamp").flatMap(ISO8601Timestamp.parse))
                if event.id == after { return false }
                events.append(event)
            }
            return after != nil
        }
    }

    /// Creates stack `name` from `template` (for tests and bootstrap; deploys go through change sets).
    @discardableResult
    public func createStack(name: String, template: TemplateSource) async throws(CloudError) -> String {
        let result = try await query.call(
            "CreateStack",
            [
                ("StackName", name), template.parameter,
                ("Capabilities.member.1", "CAPABILITY_IAM"), ("Capabilities.member.2", "CAPABILITY_NAMED_IAM"),
                ("ClientRequestToken", Self.requestToken()),
            ])
        return result.string("StackId") ?? name
    }
}
