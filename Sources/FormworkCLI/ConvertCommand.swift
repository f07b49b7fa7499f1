import ArgumentParser
import FormworkCore
import FormworkTemplate

/// `convert TEMPLATE --to json|yaml [--output FILE]`.
struct ConvertCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a template between JSON and YAML (short-form YAML tags are read; long form is written)."
    )

    @Argument(help: "The template to convert, JSON or YAML.")
    var template: String

    @Option(help: "The format to write: json or yaml.")
    var to: TemplateFormat

    @Option(name: .shortAndLong, help: "The file to write (atomically; only a regular file you may write is replaced); standard output when not given.")
    var output: String?

    func run(app: App?, output printed: inout CommandOutput) throws(CommandFailure) {
        let parsed: Template
        do {
            // Loops are kept as written: expanding one over a parameter would fix its value to the default.
            parsed = try Template.read(contentsOf: template, expandingLoops: false)
        } catch {
            throw CommandFailure(reading: error)
        }
        let text: String
        do {
            text = try parsed.text(in: to)
        } catch {
            throw CommandFailure(.badInput, "error: cannot write \(template) as \(to.rawValue): \(error)")
        }
        guard let output else {
            printed.standardOutput += text.hasSuffix("\n") ? text : text + "\n"
            return
        }
        try CommandFailure.writing("'\(output)'") { try AtomicFile.write(text, to: output) }
    }
}
