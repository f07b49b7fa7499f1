import ArgumentParser
import FormworkCore

/// `list`: the app's stacks, one per line, each after the stacks it depends on.
struct ListCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the app's stacks, dependencies first."
    )

    func run(app: App?, output: inout CommandOutput) throws(CommandFailure) {
        let assembly = try AppCommand.synthesize(app, selecting: [])
        for stack in assembly.stacksInDependencyOrder {
            output.print(stack.name)
        }
    }
}
