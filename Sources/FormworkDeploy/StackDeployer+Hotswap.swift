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
    /// environment and description through Lambda, state machine definitions through Step Functions, each
    /// waited for until in place. Assets are published first. CloudFormation is not called to change
    /// anything, so its template falls behind: the next deployment through it brings the stack in line.
    ///
    /// - Returns: the outcome, or why CloudFormation must make some change (nothing is changed then).
    public func hotswap(_ stack: CloudAssembly.StackArtifact) async throws(DeployError) -> Result<Outcome, HotswapRefusal> {
        let name = stack.name
        guard let lambda = target.lambda, let stepFunctions = target.stepFunctions else {
            return .failure(.needsCloudFormation(["no Lambda or Step Functions client was set up for the target"]))
        }
        let cloudFormation = target.cloudFormation
        guard let existing = try await cloud({ () async throws(CloudError) in try await cloudFormation.stack(named: name) }),
              ["CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE"].contains(existing.status) else {
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
        var values = DeployedValues(resources: Dictionary(resources.map { ($0.logicalId, $0) }, uniquingKeysWith: { first, _ in first }),
                                    account: target.account, region: target.region, template: stack.template)
        for operation in plan.ordered {
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
                    throw .refused(stack: name, reason: "the version of alias \(alias) cannot be evaluated after publishing (\(error.reason)); deploy without --hotswap")
                }
                try await cloud { () async throws(CloudError) in try await lambda.updateAlias(alias, of: function, toVersion: number) }
            case .stateMachineDefinition(_, let arn, let definition):
                try await cloud { () async throws(CloudError) in try await stepFunctions.updateStateMachine(arn, definition: definition) }
            }
            report("\(name): hotswapped the \(operation.summary)")
        }
        report("\(name): CloudFormation's template is now behind the stack (hotswapped, drift); the next `deploy` without --hotswap brings it in line")
        return .success(.hotswapped(changes: plan.ordered.map(\.summary), outputs: Self.outputs(of: existing)))
    }
}
