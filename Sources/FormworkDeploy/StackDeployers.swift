import FormworkCloud
import FormworkCore
import FormworkDiff
import FormworkTemplate

/// Runs one operation (deploy, destroy) over several stacks: a deployer per region, stacks in dependency
/// order (or its reverse), independent ones side by side up to a limit. After a failure no new stack starts;
/// the ones running finish.
public struct StackDeployers: Sendable {
    /// The connection to AWS the deployers are made from.
    public let session: CloudSession
    /// Which changes need approval before they are deployed.
    public let approval: ApprovalLevel
    /// Where templates over 51,200 bytes go; the bootstrap bucket when `nil`.
    public let templateBucket: String?
    /// Where progress is reported; ``DeployProgress/finish()`` is called when a run ends.
    public let progress: any DeployProgress
    /// Set when the user asks to stop: no new step starts after it.
    public let interruption: Interruption
    /// Asked, one stack at a time, whether a change that needs approval goes ahead (the stack's name and its
    /// diff); the answer is no when it returns `false`.
    public let approve: @Sendable (String, TemplateDiff) -> Bool

    /// Deployers with these settings.
    ///
    /// - Parameters:
    ///   - templateBucket: where templates over 51,200 bytes go; `nil` (the default) for the bootstrap bucket.
    ///   - approve: asked for changes that need approval; by default the answer is no.
    public init(
        session: CloudSession, approval: ApprovalLevel, templateBucket: String? = nil, progress: any DeployProgress, interruption: Interruption,
        approve: @escaping @Sendable (String, TemplateDiff) -> Bool = { _, _ in false }
    ) {
        self.session = session
        self.approval = approval
        self.templateBucket = templateBucket
        self.progress = progress
        self.interruption = interruption
        self.approve = approve
    }

    /// What each stack's operation returned, and the failure that stopped the run.
    public struct Result<Value: Sendable>: Sendable {
        /// Each finished stack's value, by stack name.
        public var outcomes: [String: Value] = [:]
        /// The first failure; `nil` when every stack finished.
        public var failure: DeployError?
    }

    /// Runs `operation` on every stack of `stacks`, each with the deployer of its environment: in dependency
    /// order (the reverse when `reversed`, as for a destroy), at most `concurrency` (1 or more) at once.
    ///
    /// Throws before anything changes when a stack's environment cannot be reached (its region unknown, its
    /// account not the credentials' and no deploy role to reach it); a failure of the operation is the
    /// result's ``Result/failure``.
    public func run<Value: Sendable>(
        _ stacks: [CloudAssembly.StackArtifact], concurrency: Int, reversed: Bool = false,
        _ operation: @escaping @Sendable (CloudAssembly.StackArtifact, StackDeployer) async throws(DeployError) -> Value
    ) throws(CloudError) -> Result<Value> {
        let deployers = try self.deployers(for: stacks)
        let names = Set(stacks.map(\.name))
        // What must be done before each stack: its dependencies, or for a destroy the stacks that depend on it.
        var prerequisites: [String: Set<String>] = [:]
        for stack in stacks {
            for dependency in stack.dependencies where names.contains(dependency) {
                if reversed { prerequisites[dependency, default: []].insert(stack.name) } else { prerequisites[stack.name, default: []].insert(dependency) }
            }
        }
        let order = reversed ? stacks.reversed() : stacks
        let waiting = prerequisites
        return SynchronousWait.run { () async -> Result<Value> in
            var result = Result<Value>()
            var pending = order
            var done = Set<String>()
            await withTaskGroup(of: (String, Swift.Result<Value, DeployError>).self) { group in
                var running = 0
                while true {
                    while result.failure == nil, running < concurrency,
                        let index = pending.firstIndex(where: { (waiting[$0.name] ?? []).isSubset(of: done) })
                    {
                        let stack = pending.remove(at: index)
                        let deployer = deployers[stack.name]!
                        running += 1
                        group.addTask {
                            do throws(DeployError) {
                                return (stack.name, .success(try await operation(stack, deployer)))
                            } catch {
                                return (stack.name, .failure(error))
                            }
                        }
                    }
                    guard let (name, outcome) = await group.next() else { break }
                    running -= 1
                    switch outcome {
                    case .success(let value):
                        result.outcomes[name] = value
                        done.insert(name)
                    case .failure(let error):
                        if result.failure == nil { result.failure = error }
                    }
                }
            }
            progress.finish()
            return result
        }
    }

    /// Where a stack deploys: its environment (account and region) and the bootstrap it goes through.
    private struct Destination: Hashable, Sendable {
        var environment: StackEnvironment
        var bootstrap: BootstrapNames
    }

    /// A deployer per stack, sharing one per environment (account and region) and bootstrap: a stack's own
    /// region binds, and a stack bound to an account is refused before anything changes when that account
    /// cannot be reached.
    private func deployers(for stacks: [CloudAssembly.StackArtifact]) throws(CloudError) -> [String: StackDeployer] {
        var stackTargets: [String: Destination] = [:]
        for stack in stacks {
            let bound = StackEnvironment(uri: stack.environment)
            stackTargets[stack.name] = Destination(
                environment: StackEnvironment(account: bound.account, region: try session.region(for: bound)),
                bootstrap: stack.bootstrap)
        }
        let wanted = stackTargets
        let environment = session.environment
        let credentials = session.credentials
        let bucket = templateBucket
        let progress = progress
        let targets = try session.run { () async throws(CloudError) -> [Destination: DeployTarget] in
            var targets: [Destination: DeployTarget] = [:]
            for target in Set(wanted.values).sorted(by: {
                ($0.environment.description, $0.bootstrap.qualifier) < ($1.environment.description, $1.bootstrap.qualifier)
            }) {
                let names = wanted.filter { $0.value == target }.keys.sorted()
                do throws(CloudError) {
                    targets[target] = try await DeployTarget.resolve(
                        environment: environment, region: target.environment.region ?? "", credentials: credentials,
                        templateBucket: bucket, requiredAccount: target.environment.account, names: target.bootstrap,
                        report: { progress.add("\(names.joined(separator: ", ")): \($0)") })
                } catch .configuration(let message) {
                    throw .configuration("\(names.joined(separator: ", ")): \(message)")
                }
            }
            return targets
        }
        return wanted.mapValues { target in
            var deployer = StackDeployer(
                target: targets[target]!, approval: approval, approve: approve, report: { progress.add($0) },
                interruption: interruption)
            deployer.status = { progress.status($0) }
            return deployer
        }
    }
}
