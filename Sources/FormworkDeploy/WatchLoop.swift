import Foundation

/// The loop of `<app> watch`: wait for a change, let a burst of changes settle, rebuild the app, deploy; one
/// cycle at a time. Changes made while a cycle runs start the next one when it ends. A failed build or
/// deployment is reported and the loop goes on watching.
public struct WatchLoop: Sendable {
    /// How a cycle's build ended: `nil` when it succeeded, else what the build printed.
    public typealias Build = @Sendable () -> String?
    /// Deploys what the build made; `true` when it succeeded.
    public typealias Deploy = @Sendable () -> Bool

    let watcher: FileWatcher
    let build: Build
    let deploy: Deploy
    let report: @Sendable (String) -> Void
    /// How long the folders must be quiet before a burst of changes is taken as one; 0.2 s by default.
    public var settleTime: TimeInterval = 0.2
    /// The most lines of a failed build shown; 40 by default.
    public var buildErrorLines = 40

    /// A loop over the changes `watcher` sees, rebuilding with `build` and deploying with `deploy`.
    public init(watcher: FileWatcher, build: @escaping Build, deploy: @escaping Deploy, report: @escaping @Sendable (String) -> Void) {
        self.watcher = watcher
        self.build = build
        self.deploy = deploy
        self.report = report
    }

    /// Runs cycles until `shouldStop` says so (checked every half second) or `maximumCycles` have run.
    ///
    /// - Returns: the number of cycles run.
    @discardableResult
    public func run(maximumCycles: Int = .max, until shouldStop: @Sendable () -> Bool) -> Int {
        var cycles = 0
        while cycles < maximumCycles, !shouldStop() {
            var changed = watcher.changes(waitingUpTo: 0.5)
            guard !changed.isEmpty else { continue }
            while case let more = watcher.changes(waitingUpTo: settleTime), !more.isEmpty { changed += more }
            cycles += 1
            let files = Set(changed)
            report(
                "watch: \(files.count) file\(files.count == 1 ? "" : "s") changed (\(files.sorted().prefix(3).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))\(files.count > 3 ? ", …" : "")); building"
            )
            if let failure = build() {
                let lines = failure.split(separator: "\n", omittingEmptySubsequences: false)
                report("watch: the build failed; fix it and save again:\n" + lines.suffix(buildErrorLines).joined(separator: "\n"))
                continue
            }
            report(deploy() ? "watch: deployed; watching for changes" : "watch: the deployment failed; watching for changes")
        }
        return cycles
    }
}
