import FormworkCloud
import ArgumentParser
import FormworkCore
import FormworkDeploy
import Foundation

/// `<app> destroy [STACK...] [--force]`: deletes stacks, dependents first, saying what their deletion
/// policies keep.
struct DestroyCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroy",
        abstract: "Delete the app's stacks (and the stacks that depend on them), dependents first.",
        discussion: "Asks first on a terminal; --force is needed where there is none (CI). Resources kept by their deletion policy are listed."
    )

    @Argument(help: "The stacks to delete; all when none are named.")
    var stacks: [String] = []

    @Flag(help: "Delete without asking.")
    var force = false

    @Option(help: "How many independent stacks are deleted at once.")
    var concurrency = 1

    @OptionGroup var live: LiveOptions

    func run(app: App?, output: inout CommandOutput) throws(CommandFailure) {
        let assembly = try AppCommand.synthesize(app, selecting: [])
        let selected = try stacks.isEmpty ? assembly.stacks : dependents(of: stacks, in: assembly)
        let names = selected.map(\.name)
        guard force || confirmed(names) else {
            throw CommandFailure(.findings, "error: not destroyed: \(names.joined(separator: ", ")); confirm on a terminal, or pass --force")
        }
        let progress = ProgressLines()
        let interruption = Interruption()
        let signals = CommandEnvironment.streamsProgress ? InterruptSignal(interruption) : nil
        defer { signals?.cancel() }
        let deployers = StackDeployers(session: live.session(), approval: .never, templateBucket: nil, progress: progress, interruption: interruption)
        let ordered = assembly.stacksInDependencyOrder.filter { names.contains($0.name) }
        let result = try CommandFailure.talkingToAWS { () throws(CloudError) in
            try deployers.run(ordered, concurrency: max(1, concurrency), reversed: true) { stack, deployer async throws(DeployError) in
                try await deployer.destroy(stack.name).map { "\($0.logicalId) (\($0.type))" }
            }
        }
        for line in progress.unwritten { output.printError(line) }
        for stack in ordered.reversed() {
            guard let retained = result.outcomes[stack.name] else { continue }
            output.print("\(stack.name): destroyed")
            if !retained.isEmpty { output.print("  kept by their deletion policy: \(retained.joined(separator: ", "))") }
        }
        if let failure = result.failure { throw CommandFailure(deploy: failure) }
    }

    /// The named stacks and every stack that depends on them, in the assembly.
    private func dependents(of names: [String], in assembly: CloudAssembly) throws(CommandFailure) -> [CloudAssembly.StackArtifact] {
        for name in names where assembly.stack(named: name) == nil {
            throw CommandFailure(.badInput, "error: the app has no stack named '\(name)'")
        }
        var chosen = Set(names)
        var grew = true
        while grew {
            grew = false
            for stack in assembly.stacks where !chosen.contains(stack.name) && stack.dependencies.contains(where: chosen.contains) {
                chosen.insert(stack.name)
                grew = true
            }
        }
        return assembly.stacks.filter { chosen.contains($0.name) }
    }

    private func confirmed(_ names: [String]) -> Bool {
        guard CommandEnvironment.streamsProgress, isatty(STDIN_FILENO) != 0 else { return false }
        FileHandle.standardError.write(Data("Destroy \(names.joined(separator: ", "))? (y/N) ".utf8))
        return ["y", "yes"].contains(readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "")
    }
}
