import FormworkDeploy
import FormworkTestSupport
import Foundation
import Synchronization
import Testing

/// `<app> watch`'s loop on a real folder: each saved change rebuilds and deploys, a failed build is shown
/// and the loop goes on, and build output is not watched.
@Suite struct WatchLoopTests {
    /// What the loop did, in order.
    final class Journal: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }

        /// Waits up to `seconds` until `count` lines satisfy `matching`.
        func wait(for count: Int, seconds: TimeInterval = 10, matching: (String) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if all.filter(matching).count >= count { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }
    }

    /// With inotify, and with the scan that stands in for it where there is none (macOS).
    @Test(arguments: [FileWatcher.Mechanism.automatic, .scan])
    func twoEditsInARowAndABuildErrorBetweenAreEachBuiltAndTheLoopGoesOn(mechanism: FileWatcher.Mechanism) throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path("Sources/App"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path(".build"), withIntermediateDirectories: true)
        try folder.write("let version = 1\n", to: "Sources/App/main.swift")
        let source = folder.path("Sources/App/main.swift")
        let journal = Journal()
        let watcher = try FileWatcher(roots: [folder.url.path], mechanism: mechanism)
        let loop = WatchLoop(
            watcher: watcher,
            build: {
                let text = (try? String(contentsOfFile: source, encoding: .utf8)) ?? ""
                journal.append("build \(text.trimmingCharacters(in: .newlines))")
                return text.contains("error") ? "main.swift:1:1: error: cannot find 'error' in scope" : nil
            },
            deploy: {
                journal.append("deploy")
                return true
            }, report: { journal.append("report \($0)") })
        let stop = Atomic<Bool>(false)
        let finished = Atomic<Int>(-1)
        Thread.detachNewThread {
            finished.store(loop.run { stop.load(ordering: .relaxed) }, ordering: .relaxed)
        }

        try folder.write("ignored", to: ".build/output.o")
        Thread.sleep(forTimeInterval: 1)
        #expect(journal.all.isEmpty)

        try folder.write("let version = 2\n", to: "Sources/App/main.swift")
        #expect(journal.wait(for: 1) { $0 == "deploy" })
        try folder.write("let version = error\n", to: "Sources/App/main.swift")
        #expect(journal.wait(for: 1) { $0.hasPrefix("report watch: the build failed") })
        try folder.write("let version = 3\n", to: "Sources/App/main.swift")
        #expect(journal.wait(for: 2) { $0 == "deploy" })
        stop.store(true, ordering: .relaxed)
        let deadline = Date().addingTimeInterval(5)
        while finished.load(ordering: .relaxed) < 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }

        let steps = journal.all.filter { !$0.hasPrefix("report") }
        #expect(steps == ["build let version = 2", "deploy", "build let version = error", "build let version = 3", "deploy"])
        #expect(journal.all.contains("report watch: the build failed; fix it and save again:\nmain.swift:1:1: error: cannot find 'error' in scope"))
        #expect(finished.load(ordering: .relaxed) == 3)
    }

    @Test func aRootThatIsNotAFolderIsRefused() {
        #expect(throws: WatchError.self) { try FileWatcher(roots: ["/nonexistent-formwork-folder"]) }
    }
}
