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
            The Well-Architected checks run on every stack and print their findings to standard error, as \
            `check` does; with --strict an error among them fails the synth (exit 1) after the output is written.
            """
    )

    @Option(name: .shortAndLong, help: "The cloud assembly folder to write.")
    var output = "formwork.out"

    @Option(help: "The template format: json or yaml.")
    var format: TemplateFormat = .json

    @Flag(help: "Exit with status 1 when the checks find errors.")
    var strict = false

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
        var warnings = assembly.warnings
        for stack in assembly.stacks {
            for issue in TemplateValidator.sizeIssues(textSize: contents.files[writer.templateFileName(for: stack.name)]?.utf8.count ?? 0) {
                let line = "\(issue.severity.rawValue)[\(issue.rule)]: \(stack.name): \(issue.message)"
                guard issue.severity == .warning else { throw CommandFailure(.badInput, line) }
                warnings.append(line)
            }
        }
        for warning in warnings { printed.printError(warning) }
        try CommandFailure.writing("the cloud assembly to '\(output)'") { try writer.write(contents, to: output) }
        for stack in assembly.stacks {
            let count = stack.template.resources.count
            printed.print("\(stack.name): \(output)/\(writer.templateFileName(for: stack.name)) (\(count) resource\(count == 1 ? "" : "s"))")
        }
        var errors = 0
        for stack in assembly.stacks {
            for finding in Checker().check(stack.template) {
                printed.printError("\(stack.name): \(finding)")
                if finding.severity == .error { errors += 1 }
            }
        }
        if strict, errors > 0 {
            throw CommandFailure(.findings, "\(errors) error\(errors == 1 ? "" : "s") against the Well-Architected rules (formwork check --explain RULE tells why and how to fix)")
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
