import ArgumentParser
import Foundation
import FormworkCore
import FormworkSchema
import FormworkTemplate

/// `validate TEMPLATE...`: what CloudFormation would reject in each template, with file:line:column.
struct ValidateCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check templates against the CloudFormation resource schemas and limits.",
        discussion: "Exits 0 when no template has errors (warnings are printed), 2 when one has, 3 when a file cannot be read."
    )

    @Argument(help: "The templates to check, JSON or YAML.")
    var templates: [String]

    @Option(help: "The region the templates are for: also check that it has each resource type and allows each region-dependent value (instance types).")
    var region: String?

    func run(app: App?, output: inout CommandOutput) throws(CommandFailure) {
        if let region, !TemplateValidator.knownRegions.contains(region) {
            throw CommandFailure(
                .badInput, "error: '\(region)' is not a region Formwork has data for; known regions: \(TemplateValidator.knownRegions.joined(separator: ", "))")
        }
        let validator = TemplateValidator(region: region)
        // Each file on its own core; the lines are printed in the files' order.
        let reports = ConcurrentMap.map(templates) { file in Self.report(on: file, with: validator) }
        for report in reports {
            for line in report.lines { output.printError(line) }
        }
        let errorCount = reports.reduce(0) { $0 + $1.errors }
        let unreadable = reports.filter(\.isUnreadable).count
        let summary = "\(errorCount) error\(errorCount == 1 ? "" : "s") in \(templates.count) template\(templates.count == 1 ? "" : "s")"
        if unreadable > 0 { throw CommandFailure(.environment, "\(summary); \(unreadable) could not be read") }
        if errorCount > 0 { throw CommandFailure(.badInput, summary) }
    }

    /// What `validate` says about one file.
    struct FileReport: Sendable {
        /// The lines for standard error: each issue with its file:line:column, or why the file cannot be read.
        var lines: [String] = []
        /// The errors found (a file that does not parse counts one).
        var errors = 0
        /// Whether the file could not be read at all.
        var isUnreadable = false
    }

    /// Reads, parses and validates `file`.
    static func report(on file: String, with validator: TemplateValidator) -> FileReport {
        var report = FileReport()
        let text: String
        let parsed: (template: Template, sourceMap: SourceMap)
        do {
            text = try TemplateFile.text(at: file)
            parsed = try Template.parseWithSourceMap(text, file: file)
        } catch {
            let failure = CommandFailure(reading: error)
            report.lines.append(failure.message)
            if failure.status == .environment { report.isUnreadable = true } else { report.errors = 1 }
            return report
        }
        let issues = validator.validate(parsed.template) + TemplateValidator.sizeIssues(textSize: text.utf8.count)
        for issue in issues {
            let position = parsed.sourceMap.position(of: issue.path) ?? SourceMap.Position(line: 1, column: 1)
            let location = issue.path.isEmpty ? "" : "\(issue.path.joined(separator: ".")): "
            report.lines.append("\(file):\(position.line):\(position.column): \(issue.severity.rawValue)[\(issue.rule)]: \(location)\(issue.message)")
        }
        report.errors = issues.filter { $0.severity == .error }.count
        return report
    }
}
