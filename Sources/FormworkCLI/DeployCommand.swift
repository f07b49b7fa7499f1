import ArgumentParser
import FormworkCloud
import FormworkCore
import FormworkDeploy
import FormworkDiff
import FormworkTemplate
import Foundation
import OrderedCollections

extension ApprovalLevel: ExpressibleByArgument {}

/// `<app> deploy [STACK...]`: assets, change sets, approval, execution and progress, without the CDK CLI.
struct DeployCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy the app's stacks (and the stacks they depend on) through CloudFormation change sets.",
        discussion: """
            Function code folders are zipped (the same bytes every time) and uploaded to the bootstrap bucket \
            unless already there. Each stack gets a change set; one with no changes is deleted and reported as \
            such. Stacks deploy in dependency order, independent ones side by side (--concurrency).
            """
    )

    @Argument(help: "The stacks to deploy (with their dependencies); all when none are named.")
    var stacks: [String] = []

    @Option(help: "When to ask before executing: never, broadening (access widens) or any-change. Without a terminal, asking fails the deploy.")
    var requireApproval: ApprovalLevel = .broadening

    @Option(help: "How many independent stacks deploy at once.")
    var concurrency = 1

    @Option(help: "Write the stacks' outputs to this JSON file ({\"Stack\": {\"Key\": \"Value\"}}).")
    var outputsFile: String?

    @Option(name: .customLong("parameters"), help: "A parameter value, as Stack:Key=Value (or Key=Value for every stack). Repeatable.")
    var parameterValues: [String] = []

    @Option(help: "The bucket for templates over 51,200 bytes (default: the bootstrap bucket of the account and region, where assets always go).")
    var templateBucket: String?

    @Option(
        name: .customLong("skip-resource"),
        help: "For a stack stuck in UPDATE_ROLLBACK_FAILED: a resource (logical id) its continued rollback leaves as it is. Repeatable.")
    var skipResources: [String] = []

    @Flag(
        inversion: .prefixedNo,
        help:
            "Roll back a deployment that fails (the default). With --no-rollback the stack stops where it failed, keeping what was deployed, for a fix and another deploy (or `rollback`)."
    )
    var rollback = true

    @Flag(name: [.customShort("e"), .long], help: "Deploy only the named stacks, not the stacks they depend on.")
    var exclusively = false

    @Option(name: .customLong("notification-arns"), help: "An SNS topic ARN CloudFormation sends each stack's events to (at most 5). Repeatable.")
    var notificationArns: [String] = []

    @Flag(
        help:
            "Make the changes that allow it through the services' own APIs, without CloudFormation, as `cdk deploy --hotswap` does: function code, environment and description (Lambda), state machine definitions (Step Functions). A stack with any other change is not deployed (exit 1). For development stacks: CloudFormation's template falls behind until the next deploy without --hotswap."
    )
    var hotswap = false

    @Flag(help: "As --hotswap, but a stack with a change that cannot be hotswapped deploys through CloudFormation.")
    var hotswapFallback = false

    @OptionGroup var live: LiveOptions

    func run(app: App?, output: inout CommandOutput) throws(CommandFailure) {
        guard concurrency >= 1 else { throw CommandFailure(.badInput, "error: --concurrency must be 1 or more") }
        let parameters = try parsedParameters()
        try checkNotificationArns()
        let assembly = try AppCommand.synthesize(app, selecting: stacks)
        let session = live.session()
        let progress = ProgressLines()
        let interruption = Interruption()
        let signals = CommandEnvironment.streamsProgress ? InterruptSignal(interruption) : nil
        defer { signals?.cancel() }
        let approvals = TerminalApproval()
        let deployer = StackDeployers(
            session: session, approval: requireApproval, templateBucket: templateBucket, progress: progress, interruption: interruption,
            approve: { approvals.ask($0, $1) })
        // Only the named stacks with --exclusively; their dependencies are then taken as deployed.
        let ordered = exclusively && !stacks.isEmpty ? assembly.stacksInDependencyOrder.filter { stacks.contains($0.name) } : assembly.stacksInDependencyOrder
        let perStack = Dictionary(uniqueKeysWithValues: ordered.map { ($0.name, (parameters["*"] ?? [:]).merging(parameters[$0.name] ?? [:]) { $1 }) })
        let (skipped, rollback, topics) = (skipResources, rollback, notificationArns)
        let (hotswaps, fallsBack) = (hotswap || hotswapFallback, hotswapFallback)
        let result = try CommandFailure.talkingToAWS { () throws(CloudError) in
            try deployer.run(ordered, concurrency: concurrency) { stack, target async throws(DeployError) -> StackDeployer.Outcome in
                var deployer = target
                deployer.resourcesToSkip = skipped
                deployer.rollback = rollback
                deployer.notificationArns = topics
                if hotswaps {
                    switch try await deployer.hotswap(stack) {
                    case .success(let outcome):
                        return outcome
                    case .failure(.needsCloudFormation(let reasons)):
                        guard fallsBack else {
                            throw .refused(
                                stack: stack.name,
                                reason:
                                    "it cannot be hotswapped, and nothing was changed: \(reasons.joined(separator: "; ")). Deploy without --hotswap, or with --hotswap-fallback"
                            )
                        }
                        deployer.report("\(stack.name): not hotswappable (\(reasons.joined(separator: "; "))); deploying through CloudFormation")
                    }
                }
                return try await deployer.deploy(stack, parameters: perStack[stack.name] ?? [:])
            }
        }
        for line in progress.unwritten { output.printError(line) }
        var outputs = OrderedDictionary<String, JSONValue>()
        for stack in ordered {
            guard let outcome = result.outcomes[stack.name] else { continue }
            output.print("\(stack.name): \(outcome.summary)")
            for (key, value) in outcome.outputs { output.print("  \(stack.name).\(key) = \(value)") }
            outputs[stack.name] = .object(outcome.outputs.mapValues(JSONValue.string))
        }
        if let outputsFile {
            let text = JSONWriter(style: .pretty(indent: 2)).string(from: .object(outputs)) + "\n"
            try CommandFailure.writing("'\(outputsFile)'") { try AtomicFile.write(text, to: outputsFile) }
        }
        if let failure = result.failure { throw CommandFailure(deploy: failure) }
    }

    /// At most 5 topics, each an SNS topic ARN, as CloudFormation takes them.
    private func checkNotificationArns() throws(CommandFailure) {
        guard notificationArns.count <= 5 else {
            throw CommandFailure(.badInput, "error: --notification-arns names \(notificationArns.count) topics; CloudFormation takes at most 5")
        }
        for arn in notificationArns {
            let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 6, parts[0] == "arn", parts[2] == "sns", !parts[5].isEmpty else {
                throw CommandFailure(.badInput, "error: --notification-arns '\(arn)' is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:TOPIC)")
            }
        }
    }

    /// `Stack:Key=Value` and `Key=Value` options, by stack (`*` for every stack).
    private func parsedParameters() throws(CommandFailure) -> [String: [String: String]] {
        var byStack: [String: [String: String]] = [:]
        for text in parameterValues {
            guard let equals = text.firstIndex(of: "=") else {
                throw CommandFailure(.badInput, "error: --parameters '\(text)' is not Stack:Key=Value or Key=Value")
            }
            let target = text[..<equals]
            let value = String(text[text.index(after: equals)...])
            let parts = target.split(separator: ":", maxSplits: 1)
            let (stack, key) = parts.count == 2 ? (String(parts[0]), String(parts[1])) : ("*", String(target))
            byStack[stack, default: [:]][key] = value
        }
        return byStack
    }
}
