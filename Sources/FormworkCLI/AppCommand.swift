import ArgumentParser

/// The command line every Formwork app has: `<app> synth`, `<app> list`.
public struct AppCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "app",
        abstract: "Synthesize this app's stacks into a cloud assembly.",
        subcommands: [SynthCommand.self, ListCommand.self]
    )

    public init() {}
}
