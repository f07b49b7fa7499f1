import FormworkCloud
import FormworkCore
import FormworkDiff
import FormworkTemplate
import Foundation
import OrderedCollections

/// The deployed side of a live diff: for each synthesized stack, the template CloudFormation holds under its
/// name in the stack's own account and region (none for a stack not deployed yet), with a note for a stack
/// that is failed or still changing, and on request CloudFormation's own verdict from a change set. A stack
/// that cannot be read is reported as such; the others are still compared.
public struct DeployedStacks: Sendable {
    /// The connection to AWS the stacks are read through.
    public let session: CloudSession

    /// A reader of deployed stacks through `session`.
    public init(session: CloudSession) {
        self.session = session
    }

    /// One stack as deployed.
    public struct Deployed: Sendable {
        /// The template CloudFormation holds; `nil` when the stack is not deployed, has none yet, or could not be read.
        public var template: Template?
        /// The deployed stack's state, and remarks on it.
        public var annotation: StackAnnotation
        /// Why the deployed stack could not be read; `nil` when it was.
        public var failure: String?
        /// Whether a change set can be asked for it: deployed and settled in a state CloudFormation updates.
        public var isReviewable = false
    }

    /// Why a deployed stack could not be read or reviewed, said for the user.
    private struct ReadFailure: Error {
        var reason: String

        init(_ reason: String) {
            self.reason = reason
        }

        init(_ error: CloudError) {
            reason = "\(error)"
        }
    }

    /// The deployed templates and annotations of `stacks`, keyed by stack name; a stack that cannot be read
    /// (AWS refuses, its account is not the credentials', its template is unreadable) has a ``Deployed/failure``.
    public func fetch(_ stacks: [CloudAssembly.StackArtifact]) -> OrderedDictionary<String, Deployed> {
        var readers: [String: Result<CloudFormationClient, ReadFailure>] = [:]
        var result = OrderedDictionary<String, Deployed>()
        for stack in stacks {
            let environment = StackEnvironment(uri: stack.environment)
            let key = "\(environment) \(stack.bootstrap.qualifier)"
            let reader = readers[key] ?? Result { () throws(ReadFailure) in try self.reader(for: environment, bootstrap: stack.bootstrap) }
            readers[key] = reader
            do throws(ReadFailure) {
                result[stack.name] = try fetch(stack.name, with: try reader.get())
            } catch {
                let reason = error.reason
                result[stack.name] = Deployed(
                    template: nil, annotation: StackAnnotation(notes: ["\(stack.name) could not be read, so it is not compared: \(reason)"]),
                    failure: reason)
            }
        }
        return result
    }

    /// A CloudFormation client for stacks of `environment`: in its region, and as its account when it names one
    /// (through that account's CDK deploy role when the credentials are of another, as `cdk diff` does).
    private func reader(for environment: StackEnvironment, bootstrap: BootstrapNames) throws(ReadFailure) -> CloudFormationClient {
        do throws(CloudError) {
            let region = try session.region(for: environment)
            guard let account = environment.account else { return try session.cloudFormation(stackEnvironment: environment.description) }
            let (awsEnvironment, credentials) = (session.environment, session.credentials)
            return try session.run { () async throws(CloudError) -> CloudFormationClient in
                try await DeployTarget.resolve(
                    environment: awsEnvironment, region: region, credentials: credentials, requiredAccount: account,
                    names: bootstrap
                ).cloudFormation
            }
        } catch {
            throw ReadFailure(error)
        }
    }

    /// The deployed template and annotation of stack `name`, read with `client`.
    private func fetch(_ name: String, with client: CloudFormationClient) throws(ReadFailure) -> Deployed {
        let deployedStack: CloudFormationClient.Stack?
        let body: String?
        do throws(CloudError) {
            (deployedStack, body) = try session.run { () async throws(CloudError) -> (CloudFormationClient.Stack?, String?) in
                guard let deployed = try await client.stack(named: name) else { return (nil, nil) }
                return (deployed, deployed.hasNoTemplate ? nil : try await client.template(ofStack: deployed.id))
            }
        } catch {
            throw ReadFailure(error)
        }
        var annotation = StackAnnotation(deployedStatus: deployedStack?.status)
        var template: Template?
        if let body {
            do {
                template = try Template.parse(body, file: "\(name) (deployed in \(client.region))")
            } catch {
                throw ReadFailure("its deployed template cannot be read: \(error.description)")
            }
        }
        if let deployedStack {
            if template == nil {
                annotation.notes.append("\(name) is \(deployedStack.status) in \(client.region) with no template yet: every resource is new")
            } else if deployedStack.isUnsettled {
                let because = deployedStack.statusReason.map { " (\($0))" } ?? ""
                annotation.notes.append("\(name) is \(deployedStack.status)\(because); this diff is against the template it holds now")
            }
        } else {
            annotation.notes.append("\(name) is not deployed in \(client.region): every resource is new")
        }
        let reviewable = template != nil && deployedStack.map { !$0.status.hasSuffix("_IN_PROGRESS") && !Self.notUpdatable.contains($0.status) } == true
        return Deployed(template: template, annotation: annotation, isReviewable: reviewable)
    }

    /// The settled states CloudFormation refuses to update (and so to make a change set for).
    static let notUpdatable: Set<String> = ["ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "UPDATE_ROLLBACK_FAILED", "DELETE_FAILED", "CREATE_FAILED"]

    /// CloudFormation's verdict on deploying `stack` over `deployed`: a change set is created, read and
    /// deleted (also when reading it fails). Stacks not deployed get no change set: every resource is added.
    ///
    /// A failure to make or read the change set is the stack's annotation, not the command's failure.
    public func review(_ stack: CloudAssembly.StackArtifact, over deployed: Deployed?, diff: TemplateDiff, templateBucket: String?) -> StackAnnotation {
        var annotation = StackAnnotation()
        guard let deployed, let template = deployed.template else { return annotation }
        guard deployed.isReviewable else {
            annotation.changeSetFailure =
                "not asked for: the stack is \(deployed.annotation.deployedStatus ?? "not settled"), which CloudFormation does not update"
            return annotation
        }
        do throws(ReadFailure) {
            return try review(stack, over: template, diff: diff, templateBucket: templateBucket)
        } catch {
            annotation.changeSetFailure = error.reason
            return annotation
        }
    }

    private func review(_ stack: CloudAssembly.StackArtifact, over deployed: Template, diff: TemplateDiff, templateBucket: String?) throws(ReadFailure)
        -> StackAnnotation
    {
        let body: String
        do {
            body = try stack.template.text(in: .json)
        } catch {
            throw ReadFailure("cannot write the template of \(stack.name): \(error)")
        }
        do throws(CloudError) {
            return try review(stack, body: body, over: deployed, diff: diff, templateBucket: templateBucket)
        } catch {
            throw ReadFailure(error)
        }
    }

    private func review(_ stack: CloudAssembly.StackArtifact, body: String, over deployed: Template, diff: TemplateDiff, templateBucket: String?)
        throws(CloudError) -> StackAnnotation
    {
        var annotation = StackAnnotation()
        let client = try session.cloudFormation(stackEnvironment: stack.environment)
        let source = try templateSource(body, stack: stack, templateBucket: templateBucket)
        // As deploy asks: every parameter the deployed stack has keeps its value.
        let parameters = stack.template.parameters.keys.filter { deployed.parameters[$0] != nil }
        let name = stack.name
        let changeSetName = CloudFormationClient.uniqueChangeSetName(prefix: "formwork-diff")
        let outcome = try session.run { () async throws(CloudError) -> ChangeSet in
            _ = try await client.createChangeSet(
                stack: name, name: changeSetName, template: source, type: "UPDATE",
                parameters: parameters.map { ($0, nil) }, description: "Formwork diff; deleted after reading")
            do throws(CloudError) {
                let changeSet = try await client.settledChangeSet(stack: name, name: changeSetName)
                try await client.deleteChangeSet(stack: name, name: changeSetName)
                return changeSet
            } catch {
                try? await client.deleteChangeSet(stack: name, name: changeSetName)
                throw error
            }
        }
        if outcome.hasNoChanges {
            annotation.changeSet = (ChangeSetVerdicts.disagreements(diff, []), 0)
        } else if outcome.status == "FAILED" {
            annotation.changeSetFailure = "CloudFormation could not create it: \(outcome.statusReason ?? "no reason given")"
        } else {
            let verdicts = outcome.changes.compactMap(Self.verdict)
            annotation.changeSet = (ChangeSetVerdicts.disagreements(diff, verdicts), outcome.changes.count)
        }
        return annotation
    }

    /// The template as the change set request carries it: its text, or above 51,200 bytes an S3 URL.
    private func templateSource(_ body: String, stack: CloudAssembly.StackArtifact, templateBucket: String?) throws(CloudError)
        -> CloudFormationClient.TemplateSource
    {
        guard body.utf8.count > CloudFormationClient.maximumTemplateBodyBytes else { return .body(body) }
        let uploader = TemplateUploader(session: session)
        return .url(try uploader.upload(body, stack: stack, bucket: templateBucket))
    }

    /// A change set's resource change in the diff's words; `nil` for what the diff has no counterpart of.
    public static func verdict(_ change: ChangeSet.ResourceChange) -> CloudFormationVerdict? {
        let action: String
        switch change.action {
        case "Add": action = ResourceChange.Action.add.rawValue
        case "Remove": action = ResourceChange.Action.destroy.rawValue
        case "Modify":
            switch change.replacement {
            case "True": action = ResourceChange.Action.replace.rawValue
            case "Conditional": action = ResourceChange.Action.mayReplace.rawValue
            default: action = ResourceChange.Action.update.rawValue
            }
        default: return nil
        }
        let causes = change.details.filter { $0.attribute == "Properties" && ($0.requiresRecreation == "Always" || $0.requiresRecreation == "Conditionally") }
            .compactMap(\.name)
        return CloudFormationVerdict(
            logicalId: change.logicalId, resourceType: change.resourceType, action: action,
            recreatingProperties: Array(OrderedSet(causes)))
    }
}
