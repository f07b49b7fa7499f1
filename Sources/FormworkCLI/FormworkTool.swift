import ArgumentParser

/// The standalone `formwork` tool: works on template files, without an app.
public struct FormworkTool: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "formwork",
        abstract: "Work with CloudFormation templates: convert between JSON and YAML.",
        subcommands: [ConvertCommand.self]
    )

    public init() {}
}
