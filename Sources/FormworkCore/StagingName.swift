import Foundation

/// The hidden sibling names Formwork writes through (`.formwork.out.tmp-<pid>-<random>`), and the clean-up
/// of those a killed run left behind.
///
/// A name records the process that made it, so a later run removes only the leftovers of processes that
/// are gone: never a concurrent run's work in progress, never anything named otherwise.
struct StagingName {
    /// `tmp` for what is being written, `old` for what is being replaced.
    enum Role: String {
        case staging = "tmp"
        case previous = "old"
    }

    /// The sibling of `destination` for `role`, owned by this process.
    static func sibling(of destination: URL, _ role: Role) -> URL {
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        return destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).\(role.rawValue)-\(suffix)")
    }

    /// The leftovers of dead processes next to `destination`, by role: names of ours, of the given file
    /// type (`S_IFDIR` or `S_IFREG`, never a link).
    static func leftovers(of destination: URL, fileType: mode_t) -> [(url: URL, role: Role)] {
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let prefixes = [Role.staging, .previous].map { (role: $0, text: ".\(name).\($0.rawValue)-") }
        // Only names that start with `.<name>.` are sorted: a folder of thousands of files costs a byte
        // comparison each.
        let ours = Array(".\(name).".utf8)
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).filter { $0.utf8.starts(with: ours) }
        var found: [(url: URL, role: Role)] = []
        for entry in entries.sorted() {
            for (role, prefix) in prefixes {
                guard entry.hasPrefix(prefix) else { continue }
                let parts = entry.dropFirst(prefix.count).split(separator: "-")
                guard parts.count == 2, let pid = Int32(parts[0]), UInt32(parts[1]) != nil, !isRunning(pid) else { continue }
                let url = parent.appendingPathComponent(entry)
                var status = stat()
                guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == fileType else { continue }
                found.append((url, role))
            }
        }
        return found
    }

    /// Whether a process with `pid` exists.
    private static func isRunning(_ pid: Int32) -> Bool {
        pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) == 0 || errno == EPERM
    }
}
