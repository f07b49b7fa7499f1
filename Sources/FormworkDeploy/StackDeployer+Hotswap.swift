import FormworkCloud
import FormworkCore
import FormworkTemplate
import Foundation

extension StackDeployer {
    /// How a hotswap deployment ended when the changes cannot all be hotswapped.
    public enum HotswapRefusal: Error, Sendable, Equatable {
        /// CloudFormation must make some change: why, one line each.
        case needsCloudFormation([String])
    }

    /// Deploys `stack` by calling the services directly, as `cdk deploy --hotswap` does: function code,
    /// environment and description and new versions through Lambda, state machine definitions through Step
    /// Functions, each waited for until in place. Assets are published first. CloudFormation is not called
    /// to change anything, so its template falls behind: the resources changed are recorded in the
    /// bootstrap bucket (``HotswapRecord``), and the next deployment through CloudFormation, from any
    /// machine, brings them in line with the template.
    ///
    /// - Returns: the outcome, or why CloudFormation must make some change (nothing is changed then).
    public func hotswap(_ stack: CloudAssembly.StackArtifact) async throws(DeployError) -> Result<Outcome, HotswapRefusal> {
        let name = stack.name
        guard target.lambda != nil, target.stepFunctions != nil else {
            return .failure(.needsCloudFormation(["no Lambda or Step Functions client was set up for the target"]))
        }
        let cloudFormation = target.cloudFormation
        guard let existing = try await cloud({ () async throws(CloudError) in try await cloudFormation.stack(named: name) }),
            ["CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE"].contains(existing.status)
        else {
            return .failure(.needsCloudFormation(["\(name) is not deployed, or not settled: a first deployment goes through CloudFormation"]))
        }
        let body = try await cloud { () async throws(CloudError) -> String in try await cloudFormation.template(ofStack: name) }
        let deployed: Template
        do {
            deployed = try Template.parse(body, file: "\(name) (deployed)")
        } catch {
            throw .refused(stack: name, reason: "the deployed template cannot be read: \(error.description)")
        }
        let resources = try await cloud { () async throws(CloudError) in try await cloudFormation.resources(ofStack: name) }
        let plan = HotswapPlan(deployed: deployed, new: stack.template, resources: resources, account: target.account, region: target.region)
        guard plan.isHotswappable else { return .failure(.needsCloudFormation(plan.blockers)) }
        guard !plan.operations.isEmpty else { return .success(.noChanges(outputs: Self.outputs(of: existing))) }

        let published = try await AssetPublisher(target: target).publish(stack.assets)
        if !published.uploaded.isEmpty {
            report("\(name): assets \(published.uploaded.count) uploaded, \(published.alreadyThere.count) already in \(target.assetBucket)")
        }
        try await record(plan.operations.filter(\.leavesDrift).map(\.logicalId), of: name)
        try await apply(plan.ordered, stack: stack, resources: resources)
        report("\(name): CloudFormation's template is now behind the stack (hotswapped, drift); the next `deploy` without --hotswap brings it in line")
        return .success(.hotswapped(changes: plan.ordered.map(\.summary), outputs: Self.outputs(of: existing)))
    }

    /// After a deployment through CloudFormation: sets what a hotswap changed to what the template says,
    /// where CloudFormation did not (its template had not changed there), and removes the record.
    func restoreHotswapped(_ stack: CloudAssembly.StackArtifact) async throws(DeployError) {
        let s3 = target.s3, bucket = target.assetBucket, key = HotswapRecord.key(of: stack.name)
        guard target.lambda != nil, target.stepFunctions != nil,
            let data = try await cloud({ () async throws(CloudError) in try await s3.object(bucket: bucket, key: key) })
        else { return }
        let record = HotswapRecord(data)
        let cloudFormation = target.cloudFormation
        let resources = try await cloud { () async throws(CloudError) in try await cloudFormation.resources(ofStack: stack.name) }
        let plan = HotswapPlan(restoring: record.resources, template: stack.template, resources: resources, account: target.account, region: target.region)
        for blocker in plan.blockers { report("\(stack.name): not brought in line after a hotswap: \(blocker)") }
        try await apply(plan.ordered, stack: stack, resources: resources)
        try await cloud { () async throws(CloudError) in try await s3.deleteObject(bucket: bucket, key: key) }
        report("\(stack.name): brought \(plan.operations.count) hotswapped resource\(plan.operations.count == 1 ? "" : "s") in line with the template")
    }

    /// Adds `logicalIds` to the stack's record of hotswapped resources.
    private func record(_ logicalIds: [String], of stack: String) async throws(DeployError) {
        let s3 = target.s3, bucket = target.assetBucket, key = HotswapRecord.key(of: stack)
        try await cloud { () async throws(CloudError) in
            var record = try await s3.object(bucket: bucket, key: key).map(HotswapRecord.init) ?? HotswapRecord(resources: [])
            record.resources = Array(Set(record.resources).union(logicalIds)).sorted()
            try await s3.putObject(
                bucket: bucket, key: key, body: record.data, contentType: "application/json",
                encryption: try await s3.defaultEncryption(of: bucket))
        }
    }

    /// Runs `operations` in order, each waited for until in place, reporting each.
    private func apply(
        _ operations: [HotswapPlan.Operation], stack: CloudAssembly.StackArtifact,
        resources: [CloudFormationClient.StackResource]
    ) async throws(DeployError) {
        guard let lambda = target.lambda, let stepFunctions = target.stepFunctions else { return }
        let name = stack.name
        var values = DeployedValues(
            resources: resources,
            account: target.account, region: target.region, template: stack.template)
        for operation in operations {
            switch operation {
            case .functionCode(_, let function, let bucket, let key):
                try await cloud { () async throws(CloudError) in
                    _ = try await lambda.updateFunctionCode(function, bucket: bucket, key: key)
                    _ = try await lambda.waitUntilUpdated(function, interval: pollInterval)
                }
            case .functionConfiguration(_, let function, let environment, let description):
                try await cloud { () async throws(CloudError) in
                    _ = try await lambda.updateFunctionConfiguration(function, environment: environment, description: description)
                    _ = try await lambda.waitUntilUpdated(function, interval: pollInterval)
                }
            case .publishVersion(let logicalId, let function):
                let published = try await cloud { () async throws(CloudError) in try await lambda.publishVersion(function) }
                guard let number = published.Version else {
                    throw .cloud(.invalidResponse(service: "lambda", action: "PublishVersion", reason: "the answer names no version"))
                }
                values.published[logicalId] = (function: function, version: number)
            case .updateAlias(_, let function, let alias, let version):
                let number: String
                do {
                    number = try values.string(version)
                } catch {
                    throw .refused(
                        stack: name, reason: "the version of alias \(alias) cannot be evaluated after publishing (\(error.reason)); deploy without --hotswap")
                }
                try await cloud { () async throws(CloudError) in try await lambda.updateAlias(alias, of: function, toVersion: number) }
            case .stateMachineDefinition(_, let arn, let definition):
                try await cloud { () async throws(CloudError) in try await stepFunctions.updateStateMachine(arn, definition: definition) }
            }
            report("\(name): hotswapped the \(operation.summary)")
        }
    }
}

/// The resources of a stack a hotswap changed behind CloudFormation's back, kept in the bootstrap bucket
/// (`formwork/hotswapped/<stack>.json`) until a deployment through CloudFormation brings them in line.
struct HotswapRecord: Sendable {
    /// Their logical IDs, sorted.
    var resources: [String]

    /// The record's key in the bootstrap bucket.
    static func key(of stack: String) -> String {
        "formwork/hotswapped/\(stack).json"
    }

    init(resources: [String]) {
        self.resources = resources
    }

    /// The record in `data`; an unreadable one holds nothing.
    init(_ data: Data) {
        let json = try? JSONReader.parse(String(decoding: data.prefix(1 << 20), as: UTF8.self))
        resources = (json?["resources"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    var data: Data {
        Data(JSONWriter(style: .compact).string(from: ["resources": .array(resources.map(JSONValue.string))]).utf8)
    }
}
