import FormworkCloud
import ArgumentParser
import FormworkCore
import FormworkDeploy

/// `<app> rollback [STACK...]`: returns failed stacks to their last stable state, as `cdk rollback` does.
struct RollbackCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Roll back stacks a failed deployment left paused (--no-rollback) or stuck in UPDATE_ROLLBACK_FAILED.",
        discussion: """
            A stack in CREATE_FAILED or UPDATE_FAILED goes back to its last stable state; one in \
            UPDATE_ROLLBACK_FAILED finishes its rollback, leaving the resources named with --orphan as they are. \
            Other stacks are left as they are.
            """
    )

    @Argument(help: "The stacks to roll back; all when none are named.")
    var stacks: [String] = []

    @Option(
        name: [.customLong("orphan"), .customLong("skip-resource")],
        help: "For a stack stuck in UPDATE_ROLLBACK_FAILED: a resource (logical id) to leave as it is. Repeatable.")
    var skipResources: [String] = []

    @OptionGroup var live: LiveOptions

    func run(app: App?, output: inout CommandOutput) throws(CommandFailure) {
        let assembly = try AppCommand.synthesize(app, selecting: stacks)
        let ordered = assembly.stacksInDependencyOrder.filter { stacks.isEmpty || stacks.contains($0.name) }
        let progress = ProgressLines()
        let deployers = StackDeployers(session: live.session(), approval: .never, templateBucket: nil, progress: progress, interruption: Interruption())
        let skipped = skipResources
        let result = try CommandFailure.talkingToAWS { () throws(CloudError) in
            try deployers.run(ordered, concurrency: 1, reversed: true) { stack, target async throws(DeployError) -> String in
                var deployer = target
                deployer.resourcesToSkip = skipped
                return try await deployer.rollBack(stack.name)
            }
        }
        for line in progress.unwritten { output.printError(line) }
        for stack in ordered.reversed() {
            if let status = result.outcomes[stack.name] { output.print("\(stack.name): \(status)") }
        }
        if let failure = result.failure { throw CommandFailure(deploy: failure) }
    }
}
