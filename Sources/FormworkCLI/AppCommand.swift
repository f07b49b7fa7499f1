import ArgumentParser

/// The command line every Formwork app has: `<app> synth`, `<app> list`.
package struct AppCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "app",
        abstract: "Synthesize this app's stacks into a cloud assembly, list them, diff them with what is deployed.",
        subcommands: [
            SynthCommand.self, ListCommand.self, AppDiffCommand.self, AppCheckCommand.self, DeployCommand.self, WatchCommand.self, DestroyCommand.self,
            RollbackCommand.self, BootstrapCommand.self,
        ]
    )

    package init() {}
}
