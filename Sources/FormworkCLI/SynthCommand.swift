import ArgumentParser
import FormworkChecks
import FormworkCore
import FormworkSchema
import FormworkTemplate

/// `synth [--output DIR] [--format json|yaml] [STACK...]`: writes the cloud assembly.
struct SynthCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Synthesize the app's stacks into a cloud assembly folder.",
        discussion: """
            The folder is written atomically: a failed synth leaves the previous output as it was. An existing \
            folder is replaced only when it is a cloud assembly or empty; anything else is refused (exit 3). \
            The Well-Architected checks run on every stack and print their errors and warnings to standard error, \
            each naming the construct path first and the logical ID second; info findings are counted, and listed \
            with --show-info. With --strict an error among them fails the synth (exit 1) after the output is written.
            """
    )

    @Option(name: .shortAndLong, help: "The cloud assembly folder to write.")
    var output = "formwork.out"

    @Option(help: "The template format: json or yaml.")
    var format: TemplateFormat = .json

    @Flag(help: "Exit with status 1 when the checks find errors.")
    var strict = false

    @Flag(help: "List the checks' info findings too; by default synth counts them.")
    var showInfo = false

    @Argument(help: "The stacks to synthesize (with the stacks they depend on); all when none are named.")
    var stacks: [String] = []

    func run(app: App?, output printed: inout CommandOutput) throws(CommandFailure) {
        let assembly = try AppCommand.synthesize(app, selecting: stacks)
        let writer = CloudAssemblyWriter(format: format)
        let contents: CloudAssemblyWriter.Contents
        do {
            contents = try writer.contents(for: assembly)
        } catch {
            throw CommandFailure(.badInput, "error: cannot write the templates as \(format.rawValue): \(error)")
        }
        for stack in assembly.stacks {
            // A template above the inline limit only warns in `validate`: `deploy` (like the CDK CLI) sends it
            // through the bootstrap bucket, so at synth there is nothing for the app to change.
            for issue in TemplateValidator.sizeIssues(textSize: contents.files[writer.templateFileName(for: stack.name)]?.utf8.count ?? 0)
            where issue.severity == .error {
                throw CommandFailure(.badInput, "\(issue.severity.rawValue)[\(issue.rule)]: \(stack.name): \(issue.message)")
            }
        }
        for warning in assembly.warnings { printed.printError(warning) }
        try CommandFailure.writing("the cloud assembly to '\(output)'") { try writer.write(contents, to: output) }
        for stack in assembly.stacks {
            let count = stack.template.resources.count
            printed.print("\(stack.name): \(output)/\(writer.templateFileName(for: stack.name)) (\(count) resource\(count == 1 ? "" : "s"))")
        }
        var errors = 0, hiddenInfo = 0
        for stack in assembly.stacks {
            for finding in Checker().check(stack.template) {
                if finding.severity == .error { errors += 1 }
                guard finding.severity != .info || showInfo else {
                    hiddenInfo += 1
                    continue
                }
                printed.printError(finding.description(constructPath: stack.constructPath(ofLogicalId: finding.logicalId) ?? stack.name))
            }
        }
        if hiddenInfo > 0 {
            printed.printError("\(hiddenInfo) info finding\(hiddenInfo == 1 ? "" : "s") not shown; --show-info lists them")
        }
        if strict, errors > 0 {
            throw CommandFailure(
                .findings,
                "\(errors) error\(errors == 1 ? "" : "s") against the Well-Architected rules (formwork check --explain RULE tells why and how to fix)")
        }
    }
}

extension TemplateFormat: ExpressibleByArgument {}

extension AppCommand {
    /// The app's assembly, reduced to `names` when given; a synthesis error becomes exit status 2, or 3 when
    /// every error is the file system's (an asset folder synth may not read).
    static func synthesize(_ app: App?, selecting names: [String]) throws(CommandFailure) -> CloudAssembly {
        guard let app else { throw CommandFailure(.badInput, "error: this command needs an app") }
        do {
            return try app.synthesize().selecting(names)
        } catch {
            let all = [error] + error.additionalErrors
            throw CommandFailure(all.allSatisfy { $0.code == .unreadableAsset } ? .environment : .badInput, error.description)
        }
    }
}
