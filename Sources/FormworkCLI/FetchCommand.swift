import ArgumentParser
import Foundation
import FormworkCloud
import FormworkCore
import FormworkTemplate

/// `formwork fetch STACK... [--output DIR]`: the deployed templates, byte for byte.
struct FetchCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Write the templates of deployed stacks, exactly as CloudFormation returns them.",
        discussion: """
            Each stack's template (stage Original: as submitted) is written to DIR/<Stack>.template.json, or \
            .template.yaml when its body is YAML, ready for `diff --deployed DIR`. A file already there is \
            replaced only when it is a regular file you may write.
            """
    )

    @Argument(help: "The names (or ids) of the stacks.")
    var stacks: [String]

    @Option(name: .shortAndLong, help: "The folder to write to.")
    var output = "deployed"

    @OptionGroup var live: LiveOptions

    func run(app: App?, output printed: inout CommandOutput) throws(CommandFailure) {
        let session = live.session()
        let client = try session.cloudFormation()
        let names = stacks
        let fetched = try session.run { () async throws(CloudError) -> [(name: String, body: String)?] in
            var bodies: [(name: String, body: String)?] = []
            for name in names {
                guard let stack = try await client.stack(named: name), !stack.hasNoTemplate else {
                    bodies.append(nil)
                    continue
                }
                bodies.append((stack.name, try await client.template(ofStack: stack.id)))
            }
            return bodies
        }
        let missing = zip(names, fetched).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else {
            throw CommandFailure(.environment, "error: no stack named \(missing.map { "'\($0)'" }.joined(separator: ", ")) is deployed in \(client.region); check the name, --region and the account")
        }
        try CommandFailure.writing("the folder '\(output)'") { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) }
        for case let (name, body)? in fetched {
            let isJSON = body.first { !$0.isWhitespace } == "{"
            let path = (output as NSString).appendingPathComponent("\(name).template.\(isJSON ? "json" : "yaml")")
            try CommandFailure.writing("'\(path)'") { try AtomicFile.write(body, to: path) }
            printed.print("\(name) → \(path) (\(body.utf8.count) bytes)")
        }
    }
}
