import FormworkCloud
import FormworkDeploy
import ArgumentParser
import Foundation
import FormworkDiff
import FormworkTemplate
import OrderedCollections

/// How a diff is printed.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}

/// The options `formwork diff` and `<app> diff` share, and the rendering they share.
struct DiffOptions: ParsableArguments {
    @Option(help: "The output format: text, markdown or json.")
    var format: DiffFormat = .text

    @Flag(help: "Exit with status 1 when there are differences (with --security-only: when access widens).")
    var fail = false

    @Flag(help: "Show only the changes that widen access: IAM statements, managed policies, security-group rules.")
    var securityOnly = false

    @Flag(help: "Report strings that differ only by non-ASCII characters written '?' (CloudFormation's GetTemplate mangles them).")
    var strict = false

    /// Diffs `old` against `new` stack by stack (a stack on one side only is added or removed as a whole).
    func diffs(old: OrderedDictionary<String, Template>, new: OrderedDictionary<String, Template>) -> [(name: String, diff: TemplateDiff, status: String)] {
        let differ = TemplateDiffer(ignoresMangledNonASCII: !strict)
        return OrderedSet(new.keys).union(old.keys).map { name in
            let diff = differ.diff(old: old[name] ?? Template(), new: new[name] ?? Template())
            return (name, diff, old[name] == nil ? "added" : new[name] == nil ? "removed" : diff.isEmpty ? "unchanged" : "changed")
        }
    }

    /// Diffs `old` against `new`, prints the result, and fails with status 1 when asked to and something differs.
    func run(old: OrderedDictionary<String, Template>, new: OrderedDictionary<String, Template>, output: inout CommandOutput) throws(CommandFailure) {
        try render(diffs(old: old, new: new), annotations: [:], output: &output)
    }

    /// Prints `stacks`' diffs with what a live diff adds to each (`annotations`, by stack name), and fails with
    /// status 1 when asked to and something differs.
    func render(
        _ stacks: [(name: String, diff: TemplateDiff, status: String)], annotations: [String: StackAnnotation],
        output: inout CommandOutput
    ) throws(CommandFailure) {
        if securityOnly {
            return try runSecurityOnly(stacks.map { ($0.name, $0.diff) }, output: &output)
        }
        switch format {
        case .json:
            let documents = stacks.map { stack -> JSONValue in
                let document = DiffJSONRenderer.stack(stack.name, stack.diff, status: stack.status)
                guard var members = document.objectValue, let annotation = annotations[stack.name] else { return document }
                for (key, value) in annotation.jsonMembers { members[key] = value }
                return .object(members)
            }
            output.print(JSONWriter(style: .pretty(indent: 2)).string(from: DiffJSONRenderer.document(documents)))
        case .markdown:
            output.standardOutput += DiffMarkdownRenderer.render(stacks.map { ($0.name, $0.diff) })
            for stack in stacks {
                guard let lines = annotations[stack.name]?.lines, !lines.isEmpty else { continue }
                output.standardOutput +=
                    "\n**`\(stack.name)` in the account:**\n\n" + lines.map { "- " + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n") + "\n"
            }
        case .text:
            let colored = CommandEnvironment.variables["NO_COLOR"] == nil && isatty(STDOUT_FILENO) != 0
            for stack in stacks {
                output.standardOutput += DiffTextRenderer(colored: colored).render(stack.name, stack.diff)
                for line in annotations[stack.name]?.lines ?? [] { output.print(line) }
            }
        }
        let changed = stacks.filter { !$0.diff.isEmpty }.count
        if fail, changed > 0 {
            throw CommandFailure(.findings, "\(changed) stack\(changed == 1 ? "" : "s") with differences")
        }
    }

    private func runSecurityOnly(_ stacks: [(name: String, diff: TemplateDiff)], output: inout CommandOutput) throws(CommandFailure) {
        let widening = stacks.filter { $0.diff.security.widens }
        switch format {
        case .json:
            output.print(
                JSONWriter(style: .pretty(indent: 2)).string(from: DiffJSONRenderer.document(widening.map { DiffJSONRenderer.stack($0.name, $0.diff) })))
        case .text, .markdown:
            for stack in widening { output.standardOutput += DiffTextRenderer().renderSecurity(stack.name, stack.diff) }
        }
        if fail, !widening.isEmpty {
            throw CommandFailure(.findings, "access widens in \(widening.count) stack\(widening.count == 1 ? "" : "s")")
        }
    }

    /// The templates at `path`, or exit status 2 naming the file and what is wrong.
    /// `old`, with its template named as `new`'s when each side holds one template under different names:
    /// two single files are one stack, whatever their names.
    static func pairingSingleTemplates(_ old: OrderedDictionary<String, Template>, with new: OrderedDictionary<String, Template>) -> OrderedDictionary<
        String, Template
    > {
        guard old.count == 1, new.count == 1, let name = new.keys.first, old[name] == nil else { return old }
        return [name: old.values[0]]
    }

    static func templates(at path: String) throws(CommandFailure) -> OrderedDictionary<String, Template> {
        do {
            return try StackTemplates.read(path)
        } catch {
            throw CommandFailure(reading: error)
        }
    }
}
