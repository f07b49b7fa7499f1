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
            .template.yaml when its body is YAML, ready for `diff --deployed DIR`. Templates are replaced \
            only in a folder fetch made (it leaves a .formwork-fetch marker); in any other folder an \
            existing file is left alone and the command fails.
            """
    )

    @Argument(help: "The names (or ids) of the stacks.")
    var stacks: [String]

    @Option(name: .shortAndLong, help: "The folder to write to.")
    var output = "deployed"

    @OptionGroup var live: LiveOptions

    func run(app: App?, output printed: inout CommandOutput) throws(CommandFailure) {
        let session = live.session()
        let client = try CommandFailure.talkingToAWS { () throws(CloudError) in try session.cloudFormation() }
        let names = stacks
        let fetched = try CommandFailure.awaitingAWS { () async throws(CloudError) -> [(name: String, body: String)?] in
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
            throw CommandFailure(
                .environment,
                "error: no stack named \(missing.map { "'\($0)'" }.joined(separator: ", ")) is deployed in \(client.region); check the name, --region and the account"
            )
        }
        // A name from the answer becomes a file name: it must be a stack name, which cannot leave the folder.
        for case let (name, _)? in fetched where !StackName.isValid(name) {
            throw CommandFailure(
                .environment,
                "error: the endpoint answered with the stack name '\(name.prefix(200))', which is not a CloudFormation stack name (a letter, then letters, digits and hyphens, at most 128); check --endpoint-url"
            )
        }
        var folder: FetchFolder?
        try CommandFailure.writing("the folder '\(output)'") { folder = try FetchFolder(output) }
        guard let folder else { return }
        for case let (name, body)? in fetched {
            let isJSON = body.first { !$0.isWhitespace } == "{"
            let fileName = "\(name).template.\(isJSON ? "json" : "yaml")"
            var path = fileName
            try CommandFailure.writing("'\(fileName)'") { path = try folder.write(body, named: fileName) }
            printed.print("\(name) → \(path) (\(body.utf8.count) bytes)")
        }
    }
}
