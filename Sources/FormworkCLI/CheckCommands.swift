import ArgumentParser
import FormworkChecks
import FormworkCore
import FormworkTemplate
import OrderedCollections

/// How check findings are printed.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
}

/// The options `formwork check` and `<app> check` share, and the rendering they share.
struct CheckOptions: ParsableArguments {
    @Option(help: "The output format: text, json or sarif.")
    var format: CheckFormat = .text

    @Flag(help: "Exit with status 1 when there are errors.")
    var strict = false

    /// One checked template: where it came from, its findings, and the line of each resource when known.
    struct Checked {
        let source: String
        let findings: [Finding]
        let line: (String) -> Int?
    }

    func report(_ checked: [Checked], output: inout CommandOutput) throws(CommandFailure) {
        switch format {
        case .text:
            for template in checked {
                for finding in template.findings {
                    let location = template.line(finding.logicalId).map { "\(template.source):\($0): " } ?? "\(template.source): "
                    output.print(location + finding.description)
                }
            }
        case .json:
            let findings: [JSONValue] = checked.flatMap { template in
                template.findings.map { finding in
                    ["source": .string(template.source), "rule": .string(finding.rule), "severity": .string(finding.severity.rawValue),
                     "logicalId": .string(finding.logicalId), "message": .string(finding.message), "fix": .string(finding.fix)]
                }
            }
            output.print(JSONWriter(style: .pretty(indent: 2)).string(from: ["findings": .array(findings)]))
        case .sarif:
            output.print(JSONWriter(style: .pretty(indent: 2)).string(from: sarif(checked)))
        }
        let errors = checked.flatMap(\.findings).filter { $0.severity == .error }.count
        if strict, errors > 0 {
            throw CommandFailure(.findings, "\(errors) error\(errors == 1 ? "" : "s") against the Well-Architected rules")
        }
    }

    /// SARIF 2.1.0, for code-scanning tools.
    private func sarif(_ checked: [Checked]) -> JSONValue {
        let rules: [JSONValue] = ServerlessRules.all.map { rule in
            ["id": .string(rule.id), "shortDescription": ["text": .string(rule.summary)], "properties": ["pillar": .string(rule.pillar)]]
        }
        let results: [JSONValue] = checked.flatMap { template in
            template.findings.map { finding in
                let level = switch finding.severity {
                case .error: "error"
                case .warning: "warning"
                case .info: "note"
                }
                var location: OrderedDictionary<String, JSONValue> = ["artifactLocation": ["uri": .string(template.source)]]
                if let line = template.line(finding.logicalId) { location["region"] = ["startLine": .number(Double(line))] }
                return [
                    "ruleId": .string(finding.rule), "level": .string(level),
                    "message": ["text": .string("\(finding.logicalId): \(finding.message) \(finding.fix)")],
                    "locations": [["physicalLocation": .object(location)]],
                ]
            }
        }
        return [
            "version": "2.1.0",
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "runs": [["tool": ["driver": ["name": "formwork", "rules": .array(rules)]], "results": .array(results)]],
        ]
    }
}

/// `formwork check TEMPLATE... [--format text|json|sarif] [--strict]`.
struct CheckCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check templates against the serverless Well-Architected rules (encryption, least privilege, dead-letter queues, tracing, log retention)."
    )

    @Argument(help: "The templates to check, JSON or YAML.")
    var templates: [String]

    @OptionGroup var options: CheckOptions

    func run(app: App?, output: inout CommandOutput) throws(CommandFailure) {
        var checked: [CheckOptions.Checked] = []
        for file in templates {
            let parsed: (template: Template, sourceMap: SourceMap)
            do {
                parsed = try Template.readWithSourceMap(contentsOf: file)
            } catch {
                throw CommandFailure(reading: error)
            }
            let map = parsed.sourceMap
            checked.append(.init(source: file, findings: Checker().check(parsed.template)) { map.position(of: ["Resources", $0])?.line })
        }
        try options.report(checked, output: &output)
    }
}

/// `<app> check [--format text|json|sarif] [--strict] [STACK...]`.
struct AppCheckCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the app's stacks against the serverless Well-Architected rules."
    )

    @OptionGroup var options: CheckOptions

    @Argument(help: "The stacks to check; all when none are named.")
    var stacks: [String] = []

    func run(app: App?, output: inout CommandOutput) throws(CommandFailure) {
        let assembly = try AppCommand.synthesize(app, selecting: stacks)
        let checked = assembly.stacks.map { stack in
            CheckOptions.Checked(source: stack.name, findings: Checker().check(stack.template)) { _ in nil }
        }
        try options.report(checked, output: &output)
    }
}
