import ArgumentParser
import FormworkCore
import OrderedCollections

/// `formwork diff OLD NEW [--format text|markdown|json] [--fail]`.
struct DiffCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what CloudFormation will add, update, replace or destroy going from OLD to NEW.",
        discussion: "OLD and NEW are template files (JSON or YAML) or cloud assembly folders; stacks are matched by name."
    )

    @Argument(help: "The deployed template or assembly.")
    var old: String

    @Argument(help: "The new template or assembly.")
    var new: String

    @OptionGroup var options: DiffOptions

    func run(app: App?, output: inout CommandOutput) throws(CommandFailure) {
        let oldTemplates = try DiffOptions.templates(at: old)
        let newTemplates = try DiffOptions.templates(at: new)
        try options.run(old: DiffOptions.pairingSingleTemplates(oldTemplates, with: newTemplates), new: newTemplates, output: &output)
    }
}

/// `<app> diff --deployed PATH [--format ...] [--fail] [STACK...]`: the app's synth against deployed templates.
struct AppDiffCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare what the app synthesizes with the deployed templates.",
        discussion: "PATH is a folder of <Stack>.template.json|yaml files (aws cloudformation get-template output) or a cloud assembly."
    )

    @Option(help: "The deployed templates: a folder, an assembly, or one template file (with one stack).")
    var deployed: String

    @OptionGroup var options: DiffOptions

    @Argument(help: "The stacks to compare; all when none are named.")
    var stacks: [String] = []

    func run(app: App?, output: inout CommandOutput) throws(CommandFailure) {
        let assembly = try AppCommand.synthesize(app, selecting: stacks)
        let synthesized = OrderedDictionary(uniqueKeysWithValues: assembly.stacks.map { ($0.name, $0.template) })
        let deployedTemplates = DiffOptions.pairingSingleTemplates(try DiffOptions.templates(at: deployed), with: synthesized)
        let selected = deployedTemplates.filter { synthesized[$0.key] != nil || stacks.isEmpty }
        try options.run(old: selected, new: synthesized, output: &output)
    }
}
