import FormworkCloud
import FormworkDeploy
import ArgumentParser
import FormworkCore
import FormworkTemplate
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

/// `<app> diff [--deployed PATH] [--change-set] [--format ...] [--fail] [STACK...]`: the app's synth against
/// the deployed templates, from files or from the account.
struct AppDiffCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare what the app synthesizes with what is deployed.",
        discussion: """
            Without --deployed, each stack is compared with the template CloudFormation holds under its name \
            (a stack not deployed yet is all new). With --deployed PATH, with the templates there: a folder of \
            <Stack>.template.json|yaml files (`formwork fetch` writes them), a cloud assembly, or one template.
            """
    )

    @Option(help: "The deployed templates: a folder, an assembly, or one template file (with one stack). Default: the account.")
    var deployed: String?

    @Flag(help: "Also create a change set per deployed stack, report where CloudFormation's verdict and this diff disagree, and delete it.")
    var changeSet = false

    @Option(help: "The S3 bucket for templates over 51,200 bytes with --change-set (default: the CDK bootstrap bucket).")
    var templateBucket: String?

    @OptionGroup var options: DiffOptions

    @OptionGroup var live: LiveOptions

    @Argument(help: "The stacks to compare; all when none are named.")
    var stacks: [String] = []

    func run(app: App?, output: inout CommandOutput) throws(CommandFailure) {
        let assembly = try AppCommand.synthesize(app, selecting: stacks)
        let synthesized = OrderedDictionary(uniqueKeysWithValues: assembly.stacks.map { ($0.name, $0.template) })
        guard let deployed else {
            return try runLive(assembly, synthesized: synthesized, output: &output)
        }
        if changeSet {
            throw CommandFailure(.badInput, "error: --change-set asks CloudFormation about the deployed stacks; leave out --deployed")
        }
        let deployedTemplates = DiffOptions.pairingSingleTemplates(try DiffOptions.templates(at: deployed), with: synthesized)
        let selected = deployedTemplates.filter { synthesized[$0.key] != nil || stacks.isEmpty }
        try options.run(old: selected, new: synthesized, output: &output)
    }

    private func runLive(_ assembly: CloudAssembly, synthesized: OrderedDictionary<String, Template>, output: inout CommandOutput) throws(CommandFailure) {
        let account = DeployedStacks(session: live.session())
        let fetched = account.fetch(assembly.stacks)
        // A stack that could not be read is reported, not compared: against nothing it would read as all new.
        let unread = fetched.filter { $0.value.failure != nil }
        let compared = assembly.stacks.filter { unread[$0.name] == nil }
        let diffs = options.diffs(old: fetched.compactMapValues(\.template), new: synthesized.filter { unread[$0.key] == nil })
        var annotations = fetched.mapValues(\.annotation)
        if changeSet {
            for (stack, diff) in zip(compared, diffs) {
                let review = account.review(stack, over: fetched[stack.name], diff: diff.diff, templateBucket: templateBucket)
                annotations[stack.name]?.changeSet = review.changeSet
                annotations[stack.name]?.changeSetFailure = review.changeSetFailure
            }
        }
        for (name, stack) in unread {
            for line in stack.annotation.lines { output.printError("\(name): \(line)") }
        }
        let rendered = Result { () throws(CommandFailure) in
            try options.render(diffs, annotations: Dictionary(uniqueKeysWithValues: annotations.map { ($0.key, $0.value) }), output: &output)
        }
        guard unread.isEmpty else {
            let names = unread.keys.joined(separator: ", ")
            throw CommandFailure(
                .environment, "error: \(unread.count) of \(assembly.stacks.count) stacks could not be read from the account and are not compared: \(names)")
        }
        try rendered.get()
    }
}
