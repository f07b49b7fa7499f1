import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Watches folders, recursively, for files written, created, removed or renamed: with inotify on Linux, and
/// elsewhere (or when asked) by scanning modification times every half second. Folders named in `ignoring`
/// (`.build`, `.git`, …) and paths a `.gitignore` at the top of a root lists are not watched.
///
/// Not thread-safe: one thread asks for ``changes(waitingUpTo:)``.
public final class FileWatcher: @unchecked Sendable {
    /// How changes are noticed.
    public enum Mechanism: Sendable {
        /// inotify on Linux; a scan elsewhere.
        case automatic
        /// A scan of the folders' modification times every half second, on every platform.
        case scan
    }

    /// The folders watched, as given.
    public let roots: [String]
    private let ignored: Set<String>
    private let ignorePatterns: [String]
    /// The inotify descriptor; `nil` when scanning.
    private var descriptor: Int32?
    private var folders: [Int32: String] = [:]
    private var modificationTimes: [String: Date] = [:]

    /// The folder names never watched: build output, version control, assemblies Formwork writes.
    public static let defaultIgnored: Set<String> = [".build", ".git", ".swiftpm", "formwork.out", "cdk.out", "node_modules", ".formwork"]

    /// The most folders watched: past it, the rest are not (inotify's default limit is 8,192 per user).
    public static let maximumFolders = 4_096

    /// Starts watching `roots`.
    ///
    /// - Throws: ``WatchError`` when a root is not a folder or the system refuses to watch.
    public init(roots: [String], ignoring: Set<String> = FileWatcher.defaultIgnored, mechanism: Mechanism = .automatic) throws(WatchError) {
        self.roots = roots
        self.ignored = ignoring
        self.ignorePatterns = roots.flatMap { root in
            ((try? String(contentsOfFile: root + "/.gitignore", encoding: .utf8)) ?? "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("!") }
                .map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        }
        for root in roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
                throw WatchError(message: "'\(root)' is not a folder to watch")
            }
        }
        #if os(Linux)
            if mechanism == .automatic {
                let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
                guard descriptor >= 0 else { throw WatchError(message: "inotify cannot be started: \(String(cString: strerror(errno)))") }
                self.descriptor = descriptor
                for root in roots { addFolders(under: root) }
                return
            }
        #endif
        modificationTimes = scan()
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// Whether `name` (a file or folder name) or `path` is ignored.
    private func isIgnored(name: String, path: String) -> Bool {
        ignored.contains(name)
            || ignorePatterns.contains { pattern in
                fnmatch(pattern, name, 0) == 0 || roots.contains { fnmatch($0 + "/" + pattern, path, 0) == 0 }
            }
    }

    /// The folders under `root` (itself included), not ignored, at most ``maximumFolders``.
    private func folders(under root: String) -> [String] {
        var found = [root]
        var index = 0
        while index < found.count, found.count < Self.maximumFolders {
            let folder = found[index]
            index += 1
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let path = folder + "/" + name
                var isFolder: ObjCBool = false
                if !isIgnored(name: name, path: path), FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                    found.append(path)
                }
            }
        }
        return found
    }

    /// The paths that changed since the last call, waiting up to `timeout` seconds for the first; empty when
    /// nothing changed in that time.
    public func changes(waitingUpTo timeout: TimeInterval) -> [String] {
        #if os(Linux)
            if let descriptor { return notifiedChanges(descriptor, waitingUpTo: timeout) }
        #endif
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let now = scan()
            let changed = Set(now.keys).symmetricDifference(modificationTimes.keys).union(now.keys.filter { now[$0] != modificationTimes[$0] })
            modificationTimes = now
            if !changed.isEmpty { return changed.sorted() }
            Thread.sleep(forTimeInterval: min(0.5, max(0, deadline.timeIntervalSinceNow)))
        } while Date() < deadline
        return []
    }

    #if os(Linux)
        /// The changes inotify reports on `descriptor`.
        private func notifiedChanges(_ descriptor: Int32, waitingUpTo timeout: TimeInterval) -> [String] {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return [] }
            var changed: [String] = []
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                        let event = bytes.load(fromByteOffset: offset, as: inotify_event.self)
                        return (event.wd, event.mask, Int(event.len))
                    }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let name = String(decoding: buffer[nameStart..<min(nameStart + length, count)].prefix { $0 != 0 }, as: UTF8.self)
                    offset = nameStart + length
                    guard let folder = folders[watch], !name.isEmpty else { continue }
                    let path = folder + "/" + name
                    guard !isIgnored(name: name, path: path) else { continue }
                    if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addFolders(under: path) }
                    changed.append(path)
                }
            }
            return changed
        }

        private func addFolders(under root: String) {
            guard let descriptor else { return }
            let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY)
            for folder in folders(under: root) where folders.count < Self.maximumFolders {
                let watch = inotify_add_watch(descriptor, folder, mask)
                if watch >= 0 { folders[watch] = folder }
            }
        }
    #endif

    /// The modification time of every file and folder watched.
    private func scan() -> [String: Date] {
        var times: [String: Date] = [:]
        for root in roots {
            for folder in folders(under: root) {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !isIgnored(name: name, path: folder + "/" + name) {
                    let path = folder + "/" + name
                    times[path] = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
                }
            }
        }
        return times
    }
}

/// A folder that cannot be watched.
public struct WatchError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    public var description: String { message }
}
