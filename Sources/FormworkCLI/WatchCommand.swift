import ArgumentParser
import FormworkCloud
import FormworkCore
import FormworkDeploy
import FormworkTemplate
import Foundation

/// `<app> watch [STACK...]`: rebuild and deploy on every saved change, hotswapping what can be, as
/// `cdk watch` does.
struct WatchCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch the package's sources and asset folders; on every change, rebuild the app and deploy (hotswap where it can).",
        discussion: """
            Run it from the package's folder, as `swift run APP watch`. The first deployment happens at once; then every \
            burst of saved changes (build folders, .git and .gitignore'd paths left out) rebuilds the app with \
            `swift build --product APP` and runs `APP deploy --hotswap-fallback` with the stacks and options given. \
            One change at a time: changes saved during a deployment start the next one when it ends. A build that \
            fails is shown, and the loop goes on. Ctrl-C stops it.
            """
    )

    @Argument(help: "The stacks to deploy; all when none are named.")
    var stacks: [String] = []

    @Flag(help: "Deploy every change through CloudFormation instead of hotswapping.")
    var noHotswap = false

    @Flag(help: "Stop a stack's deployment when a change cannot be hotswapped, instead of deploying it through CloudFormation.")
    var hotswapOnly = false

    @Option(help: "The milliseconds the folders must be quiet before a burst of changes is taken as one.")
    var settleMilliseconds = 200

    @Option(help: "The product to rebuild (default: the name this program was run as).")
    var product: String?

    @Flag(help: "Follow the log groups of the stacks' functions and print each new line with the function's logical ID, as `cdk watch` does.")
    var logs = false

    @OptionGroup var live: LiveOptions

    func run(app: App?, output: inout CommandOutput) throws(CommandFailure) {
        let program = URL(fileURLWithPath: CommandLine.arguments.first ?? "").standardizedFileURL
        let product = product ?? program.lastPathComponent
        let package = FileManager.default.currentDirectoryPath
        guard FileManager.default.fileExists(atPath: package + "/Package.swift") else {
            throw CommandFailure(
                .badInput, "error: watch runs in the folder of the app's Package.swift (this folder has none); cd there and run `swift run \(product) watch`")
        }
        let roots = [package] + (try assetFolders(app, outside: package))
        let watcher: FileWatcher
        do {
            watcher = try FileWatcher(roots: roots)
        } catch {
            throw CommandFailure(.environment, "error: \(error)")
        }
        var arguments = ["deploy"] + (noHotswap ? [] : [hotswapOnly ? "--hotswap" : "--hotswap-fallback"]) + stacks
        if let region = live.region { arguments += ["--region", region] }
        if let profile = live.profile { arguments += ["--profile", profile] }
        if let endpoint = live.endpointURL { arguments += ["--endpoint-url", endpoint] }
        let deployArguments = arguments
        let interruption = Interruption()
        signal(SIGINT, SIG_IGN)
        let signals = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        signals.setEventHandler { interruption.interrupt() }
        signals.resume()
        defer { signals.cancel() }

        let report: @Sendable (String) -> Void = { line in _ = FileDescriptorWriting.writeAll(line + "\n", to: STDERR_FILENO) }
        let deploy: WatchLoop.Deploy = { Self.runInheritingOutput(program.path, deployArguments) == 0 }
        report("watch: deploying, then watching \(roots.joined(separator: ", ")) (Ctrl-C stops)")
        report(deploy() ? "watch: deployed; watching for changes" : "watch: the deployment failed; watching for changes")
        if logs {
            let follower = try logFollower(app)
            report("watch: following \(follower.groups.count) log group\(follower.groups.count == 1 ? "" : "s")")
            Thread.detachNewThread {
                while !interruption.happened {
                    let lines = (try? SynchronousWait.run { () async throws(CloudError) -> [String] in try await follower.newLines() }) ?? []
                    for line in lines { report(line) }
                    Thread.sleep(forTimeInterval: 2)
                }
            }
        }
        var loop = WatchLoop(watcher: watcher, build: { Self.build(product, in: package) }, deploy: deploy, report: report)
        loop.settleTime = Double(settleMilliseconds) / 1000
        loop.run { interruption.happened }
        report("watch: stopped")
    }

    /// A follower of the log groups of the functions of the stacks watched (`/aws/lambda/NAME`), each labelled
    /// with its stack and logical ID.
    private func logFollower(_ app: App?) throws(CommandFailure) -> LogFollower {
        let assembly = try AppCommand.synthesize(app, selecting: stacks)
        let session = live.session()
        var groups: [LogFollower.Group] = []
        var client: CloudWatchLogsClient?
        for stack in assembly.stacks where stacks.isEmpty || stacks.contains(stack.name) {
            let cloudFormation = try CommandFailure.talkingToAWS { () throws(CloudError) in try session.cloudFormation(stackEnvironment: stack.environment) }
            let name = stack.name
            let resources = try CommandFailure.awaitingAWS { () async throws(CloudError) in try await cloudFormation.resources(ofStack: name) }
            for resource in resources where resource.type == "AWS::Lambda::Function" {
                groups.append(LogFollower.Group(label: "\(name)/\(resource.logicalId)", name: "/aws/lambda/\(resource.physicalId)"))
            }
            if client == nil {
                client = try CommandFailure.talkingToAWS { () throws(CloudError) in
                    try CloudWatchLogsClient(environment: session.environment, region: cloudFormation.region, credentials: session.credentials)
                }
            }
        }
        guard let client else { throw CommandFailure(.badInput, "error: --logs: the stacks watched have no functions") }
        return LogFollower(logs: client, groups: groups)
    }

    /// The asset folders of the app's stacks that lie outside the package (those inside are watched with it).
    private func assetFolders(_ app: App?, outside package: String) throws(CommandFailure) -> [String] {
        let assembly = try AppCommand.synthesize(app, selecting: stacks)
        let folders = Set(assembly.stacks.flatMap(\.assets).map { URL(fileURLWithPath: $0.sourcePath).standardizedFileURL.path })
        return folders.filter { !$0.hasPrefix(package + "/") }.sorted()
    }

    /// Builds `product`; `nil` when it built, else the build's output (at most its last 64 KiB).
    private static func build(_ product: String, in package: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--product", product]
        process.currentDirectoryURL = URL(fileURLWithPath: package)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return "cannot run swift build: \(error)"
        }
        var output = Data()
        while case let chunk = pipe.fileHandleForReading.availableData, !chunk.isEmpty {
            output.append(chunk)
            if output.count > 64 * 1024 { output = output.suffix(64 * 1024) }
        }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : String(decoding: output, as: UTF8.self)
    }

    /// Runs `program` with `arguments`, its output going where this process's goes; its exit status.
    private static func runInheritingOutput(_ program: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        do {
            try process.run()
        } catch {
            return -1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
