// The scale app of BENCHMARKS.md (7 resources per service):
//   scale synth [--stacks S] [--services N] [--output DIR]     synthesize and write the cloud assembly
//   scale [bench] [--stacks S] [--services N] [--iterations K] [--phases LIST]
//       time the phases in LIST (comma-separated: synth, validate, check, json, yaml, yamlread, diff; all by default)
//       and print the median and fastest run of each.
import Foundation
import Formwork

struct Options {
    var stacks = 20
    var services = 50
    var iterations = 5
    var phases: Set<String> = ["synth", "validate", "check", "json", "yaml", "yamlread", "diff"]
    var output: String?
    /// `synth` writes the assembly and stops; `bench` (the default) measures.
    var command = "bench"

    static let usage = """
        usage: scale synth [--stacks S] [--services N] [--output DIR]
               scale [bench] [--stacks S] [--services N] [--iterations K] [--phases synth,validate,check,json,yaml,yamlread,diff]
        """

    init(_ arguments: [String]) {
        var remaining = arguments[...]
        if let first = remaining.first, !first.hasPrefix("--") {
            command = first
            remaining = remaining.dropFirst()
        }
        while let flag = remaining.popFirst() {
            if flag == "--help" || flag == "-h" {
                print(Self.usage)
                exit(0)
            }
            let value = remaining.popFirst() ?? ""
            switch flag {
            case "--stacks": stacks = Int(value) ?? stacks
            case "--services": services = Int(value) ?? services
            case "--iterations": iterations = Int(value) ?? iterations
            case "--phases": phases = Set(value.split(separator: ",").map(String.init))
            case "--output": output = value
            default:
                FileHandle.standardError.write(Data("unknown option \(flag)\n\(Self.usage)\n".utf8))
                exit(2)
            }
        }
    }
}

func milliseconds(_ duration: Duration) -> String {
    let value = Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    return String(format: "%.1f ms", value)
}

/// The median and the fastest run: on a shared machine the fastest is the least disturbed.
func summary(_ durations: [Duration]) -> String {
    let sorted = durations.sorted()
    return "\(milliseconds(sorted[sorted.count / 2])) (fastest \(milliseconds(sorted[0])))"
}

func measure(_ iterations: Int, _ body: () throws -> Void) rethrows -> String {
    let clock = ContinuousClock()
    var durations: [Duration] = []
    for _ in 0..<iterations { durations.append(try clock.measure(body)) }
    return summary(durations)
}

ProcessMemory.keepFreedMemoryForReuse()
let options = Options(Array(CommandLine.arguments.dropFirst()))
let app = ScaleApp.make(stacks: options.stacks, services: options.services)
if options.command == "synth" {
    let clock = ContinuousClock()
    let start = clock.now
    let assembly = try app.synthesize()
    let synthesized = clock.now
    try CloudAssemblyWriter().write(assembly, to: options.output ?? "scale.out")
    let resources = assembly.stacks.reduce(0) { $0 + $1.template.resources.count }
    print(
        "synthesized \(resources) resources in \(milliseconds(clock.now - start)) to \(options.output ?? "scale.out") (synthesis \(milliseconds(synthesized - start)), writing \(milliseconds(clock.now - synthesized)))"
    )
    exit(0)
}
let assembly = try app.synthesize()
let resources = assembly.stacks.reduce(0) { $0 + $1.template.resources.count }
print("scale app: \(options.stacks) stacks × \(options.services) services = \(resources) resources")

let validator = TemplateValidator()
let writer = CloudAssemblyWriter()
if options.phases.contains("synth") {
    print("synthesize, validation off:   \(try measure(options.iterations) { _ = try app.synthesize(validator: nil) })")
    print("synthesize, validation on:    \(try measure(options.iterations) { _ = try app.synthesize() })")
}
if options.phases.contains("validate") {
    print("validate templates, serially: \(measure(options.iterations) { for stack in assembly.stacks { _ = validator.validate(stack.template) } })")
}
if options.phases.contains("check") {
    let checker = Checker()
    print("check templates (rules):      \(measure(options.iterations) { for stack in assembly.stacks { _ = checker.check(stack.template) } })")
}
if options.phases.contains("json") {
    print("write JSON texts:             \(try measure(options.iterations) { _ = try writer.contents(for: assembly) })")
}
if options.phases.contains("yaml") {
    print("write YAML texts:             \(try measure(options.iterations) { _ = try CloudAssemblyWriter(format: .yaml).contents(for: assembly) })")
}
if options.phases.contains("yamlread") {
    let texts = try assembly.stacks.map { try $0.template.text(in: .yaml) }
    print("read YAML texts back:         \(try measure(options.iterations) { for text in texts { _ = try Template.parse(text, format: .yaml) } })")
}
if options.phases.contains("diff"), let first = assembly.stacks.first?.template {
    // One stack (350 resources with the default sizes) against a version with every queue changed.
    var changed = first
    for (logicalId, resource) in first.resources where resource.type == "AWS::SQS::Queue" {
        changed.resources[logicalId]?.properties["VisibilityTimeout"] = 600
    }
    let differ = TemplateDiffer()
    print("diff one stack (\(first.resources.count) resources): \(measure(options.iterations) { _ = differ.diff(old: first, new: changed) })")
}
if let output = options.output {
    try writer.write(assembly, to: output)
    print("wrote \(output)")
}
