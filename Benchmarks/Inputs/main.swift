// How the time of each command grows with its input (issue #12: every command linear in input size):
//   inputs [--sizes 1,2,4,8] [--iterations K]
// For each size (in multiples of 2,000 resources, about 0.5 MB of minified JSON), generates templates and
// times reading (minified and pretty JSON, YAML), validate, check and diff, plus a template whose every
// reference is missing (did-you-mean for each). Prints milliseconds and microseconds per KB: a linear
// command keeps the second figure flat as the size grows.
import Foundation
import Formwork

var sizes = [1, 2, 4, 8]
var iterations = 3
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    let value = arguments.popFirst() ?? ""
    switch flag {
    case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }
    case "--iterations": iterations = Int(value) ?? iterations
    default:
        print("usage: inputs [--sizes 1,2,4,8] [--iterations K]")
        exit(2)
    }
}

/// A template of `count` queues, each referring to the one before, or to a missing name when `missing`.
func template(_ count: Int, missing: Bool) -> Template {
    var template = Template()
    for index in 0..<count {
        var resource = Template.Resource(type: "AWS::SQS::Queue")
        resource.properties["QueueName"] = .string("queue-\(index)")
        resource.properties["DelaySeconds"] = .number(Double(index % 900))
        if index > 0 { resource.properties["Tags"] = [["Key": "previous", "Value": .ref(missing ? "Missing\(index)x" : "Queue\(index - 1)")]] }
        template.resources["Queue\(index)"] = resource
    }
    return template
}

func fastest(_ iterations: Int, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<iterations {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        best = min(best, Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    return best
}

print("phase                      size (KB)      ms   µs/KB")
for size in sizes {
    let count = 2_000 * size
    let queues = template(count, missing: false)
    let minified = JSONWriter(style: .compact).string(from: queues.json)
    let pretty = try queues.text(in: .json)
    let yaml = try queues.text(in: .yaml)
    let missing = JSONWriter(style: .compact).string(from: template(count, missing: true).json)
    let phases: [(String, Int, () throws -> Void)] = [
        ("read minified JSON", minified.utf8.count, { _ = try Template.parseWithSourceMap(minified) }),
        ("read pretty JSON", pretty.utf8.count, { _ = try Template.parseWithSourceMap(pretty) }),
        ("read YAML", yaml.utf8.count, { _ = try Template.parseWithSourceMap(yaml, format: .yaml) }),
        ("validate", minified.utf8.count, { _ = TemplateValidator().validate(queues) }),
        ("validate, refs missing", missing.utf8.count, { _ = TemplateValidator().validate(try Template.parse(missing)) }),
        ("check", minified.utf8.count, { _ = Checker().check(queues) }),
        ("diff with itself", minified.utf8.count, { _ = TemplateDiffer().diff(old: queues, new: queues) }),
    ]
    for (name, bytes, body) in phases {
        let milliseconds = try fastest(iterations, body)
        let perKB = milliseconds * 1_000 / (Double(bytes) / 1_024)
        print(name.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%9d %7.1f %7.2f", bytes / 1_024, milliseconds, perKB))
    }
}
