import FormworkCloud
import FormworkCore
import FormworkDeploy
import FormworkDiff
import FormworkTemplate
import Foundation
import Synchronization

/// Runs one operation (deploy, destroy) over several stacks: a deployer per region, stacks in dependency
/// order (or its reverse), independent ones side by side up to a limit. After a failure no new stack starts;
/// the ones running finish.
struct StackDeployers {
    let session: CloudSession
    let approval: ApprovalLevel
    /// Where templates over 51,200 bytes go; the bootstrap bucket when `nil`.
    let templateBucket: String?
    let progress: ProgressLines
    let interruption: Interruption

    /// What each stack's operation returned, and the failure that stopped the run.
    struct Result<Value: Sendable>: Sendable {
        var outcomes: [String: Value] = [:]
        var failure: CommandFailure?
    }

    func run<Value: Sendable>(
        _ stacks: [CloudAssembly.StackArtifact], concurrency: Int, reversed: Bool = false,
        _ operation: @escaping @Sendable (CloudAssembly.StackArtifact, StackDeployer) async throws(DeployError) -> Value
    ) throws(CommandFailure) -> Result<Value> {
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
                        if result.failure == nil {
                            result.failure = CommandFailure(error.isEnvironmental ? .environment : .findings, "error: \(error)")
                        }
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
    private func deployers(for stacks: [CloudAssembly.StackArtifact]) throws(CommandFailure) -> [String: StackDeployer] {
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
        let approvals = TerminalApproval()
        return wanted.mapValues { target in
            var deployer = StackDeployer(
                target: targets[target]!, approval: approval, approve: { approvals.ask($0, $1) }, report: { progress.add($0) },
                interruption: interruption)
            deployer.status = { progress.status($0) }
            return deployer
        }
    }
}

/// Asks on the terminal whether to go on with a change that needs approval; without a terminal (CI, a
/// test) the answer is no. One question at a time.
final class TerminalApproval: Sendable {
    private let asking = Mutex(())

    func ask(_ stack: String, _ diff: TemplateDiff) -> Bool {
        guard CommandEnvironment.streamsProgress, isatty(STDIN_FILENO) != 0, isatty(STDERR_FILENO) != 0 else { return false }
        return asking.withLock { _ in
            let changes = DiffTextRenderer().render(stack, diff) + DiffTextRenderer().renderSecurity(stack, diff)
            _ = FileDescriptorWriting.writeAll(changes + "Deploy \(stack)? (y/N) ", to: STDERR_FILENO)
            return ["y", "yes"].contains(readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "")
        }
    }
}

/// Turns the first Ctrl-C into an ``Interruption`` while a deploy or destroy runs; a second one stops the
/// process (the default action comes back after the first, and when the work ends).
final class InterruptSignal {
    private let source: any DispatchSourceSignal

    init(_ interruption: Interruption) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            interruption.interrupt()
            // A second Ctrl-C stops the process at once: the step in progress may be waiting on AWS.
            signal(SIGINT, SIG_DFL)
            _ = FileDescriptorWriting.writeAll(
                "\ninterrupted: finishing the current step (no change set is left half-made); press Ctrl-C again to stop at once\n", to: STDERR_FILENO)
        }
        source.resume()
    }

    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
