import ArgumentParser

/// The standalone `formwork` tool: works on template files, without an app.
public struct FormworkTool: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "formwork",
        abstract: "Work with CloudFormation templates: validate them, convert between JSON and YAML.",
        subcommands: [ValidateCommand.self, ConvertCommand.self]
    )

    public init() {}
}
