import ArgumentParser

/// The standalone `formwork` tool: works on template files, without an app.
package struct FormworkTool: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "formwork",
        abstract: "Work with CloudFormation templates: diff, validate, check, convert between JSON and YAML.",
        subcommands: [DiffCommand.self, ValidateCommand.self, CheckCommand.self, ConvertCommand.self, FetchCommand.self]
    )

    package init() {}
}
