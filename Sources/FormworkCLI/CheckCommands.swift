import ArgumentParser
import FormworkChecks
import FormworkCore
import FormworkTemplate
import OrderedCollections

/// How check findings (and the rule list) are printed.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, markdown
}

/// The options `formwork check` and `<app> check` share, and the rendering they share.
struct CheckOptions: ParsableArguments {
    @Option(help: "The output format: text, json, sarif or markdown.")
    var format: CheckFormat = .text

    @Flag(help: "Exit with status 1 when there are errors.")
    var strict = false

    @Flag(help: "List the rules (their ids, what they ask, severity, pillar and equivalents) instead of checking.")
    var list = false

    @Option(help: "Print the documentation of a rule (a Formwork id, or a cfn-lint or cdk-nag id it covers).")
    var explain: String?

    /// Handles `--list` and `--explain`; `true` when one of them was asked for and nothing is to be checked.
    func answeredQuestion(output: inout CommandOutput) throws(CommandFailure) -> Bool {
        if let explain {
            let rules = ServerlessRules.rules(named: explain)
            guard !rules.isEmpty else {
                throw CommandFailure(.badInput, "error: no rule is named '\(explain)'; formwork check --list shows them")
            }
            output.print(String(rules.map(\.documentation).joined(separator: "\n").dropLast()))
            return true
        }
        guard list else { return false }
        switch format {
        case .markdown:
            output.print(String(ServerlessRules.documentationIndex.dropLast()))
        case .json, .sarif:
            let rules: [JSONValue] = ServerlessRules.all.map { rule in
                [
                    "id": .string(rule.id), "summary": .string(rule.summary), "severity": .string(rule.severity.rawValue),
                    "pillar": .string(rule.pillar), "equivalents": .array(rule.equivalents.map { .string($0) }),
                ]
            }
            output.print(JSONWriter(style: .pretty(indent: 2)).string(from: ["rules": .array(rules)]))
        case .text:
            let width = ServerlessRules.all.map(\.id.count).max() ?? 0
            for rule in ServerlessRules.all {
                let equivalents = rule.equivalents.isEmpty ? "" : "  (\(rule.equivalents.joined(separator: ", ")))"
                output.print(
                    "\(rule.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(rule.summary)\(equivalents)"
                )
            }
        }
        return true
    }

    /// One checked template: where it came from, its findings, the line of each resource when known (a
    /// file), and the construct path of each resource when known (an app's stack).
    struct Checked {
        let source: String
        let findings: [Finding]
        var line: (String) -> Int? = { _ in nil }
        var constructPath: (String) -> String? = { _ in nil }
    }

    func report(_ checked: [Checked], output: inout CommandOutput) throws(CommandFailure) {
        switch format {
        case .text:
            for template in checked {
                for finding in template.findings {
                    if let path = template.constructPath(finding.logicalId) {
                        output.print(finding.description(constructPath: path))
                        continue
                    }
                    let location = template.line(finding.logicalId).map { "\(template.source):\($0): " } ?? "\(template.source): "
                    output.print(location + finding.description)
                }
            }
        case .json:
            let findings: [JSONValue] = checked.flatMap { template in
                template.findings.map { finding in
                    var entry: OrderedDictionary<String, JSONValue> = [
                        "source": .string(template.source), "rule": .string(finding.rule), "severity": .string(finding.severity.rawValue),
                        "logicalId": .string(finding.logicalId), "message": .string(finding.message), "fix": .string(finding.fix),
                        "equivalents": .array(finding.equivalents.map { .string($0) }),
                    ]
                    if let path = template.constructPath(finding.logicalId) {
                        entry.updateValue(.string(path), forKey: "constructPath", insertingAt: 1)
                    }
                    return JSONValue.object(entry)
                }
            }
            output.print(JSONWriter(style: .pretty(indent: 2)).string(from: ["findings": .array(findings)]))
        case .markdown:
            output.print("| source | severity | rule | resource | finding |")
            output.print("|---|---|---|---|---|")
            for template in checked {
                for finding in template.findings {
                    let text = "\(finding.message) \(finding.fix)".replacingOccurrences(of: "|", with: "\\|")
                    output.print("| \(template.source) | \(finding.severity.rawValue) | `\(finding.rule)` | `\(finding.logicalId)` | \(text) |")
                }
            }
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
            [
                "id": .string(rule.id), "shortDescription": ["text": .string(rule.summary)],
                "fullDescription": ["text": .string(rule.rationale)], "help": ["text": .string(rule.remedy)],
                "properties": ["pillar": .string(rule.pillar), "equivalents": .array(rule.equivalents.map { .string($0) })],
            ]
        }
        let results: [JSONValue] = checked.flatMap { template in
            template.findings.map { finding in
                let level =
                    switch finding.severity {
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
                    "properties": ["equivalents": .array(finding.equivalents.map { .string($0) })],
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
    var templates: [String] = []

    @OptionGroup var options: CheckOptions

    func run(app: App?, output: inout CommandOutput) throws(CommandFailure) {
        if try options.answeredQuestion(output: &output) { return }
        guard !templates.isEmpty else { throw CommandFailure(.badInput, "error: name the templates to check, or pass --list") }
        var checked: [CheckOptions.Checked] = []
        for file in templates {
            let parsed: (template: Template, sourceMap: SourceMap)
            do {
                parsed = try Template.readWithSourceMap(contentsOf: file)
            } catch {
                throw CommandFailure(reading: error)
            }
            let map = parsed.sourceMap
            checked.append(.init(source: file, findings: Checker().check(parsed.template), line: { map.position(of: ["Resources", $0])?.line }))
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
        if try options.answeredQuestion(output: &output) { return }
        let assembly = try AppCommand.synthesize(app, selecting: stacks)
        let checked = assembly.stacks.map { stack in
            CheckOptions.Checked(source: stack.name, findings: Checker().check(stack.template), constructPath: { stack.constructPath(ofLogicalId: $0) })
        }
        try options.report(checked, output: &output)
    }
}
