import FormworkDeploy
import FormworkTemplate
import Foundation
import Synchronization

/// Progress lines of a long command (deploy, destroy): written to standard error as they come when the
/// command runs as a process, and kept for the command's output either way. On a terminal, a status line
/// under them (each stack's resources done of total, elapsed time, state) is redrawn as it changes.
final class ProgressLines: DeployProgress {
    private let lines = Mutex<[String]>([])
    /// Each stack's latest status, in the order stacks started.
    private let statuses = Mutex<[(stack: String, line: String)]>([])
    private let live: Bool
    private let terminal: Bool

    /// Lines written as they come when `live`, with a status line when standard error is a terminal.
    init(live: Bool = CommandEnvironment.streamsProgress) {
        self.live = live
        terminal = live && isatty(STDERR_FILENO) != 0 && CommandEnvironment.variables["TERM"] != "dumb"
    }

    func add(_ line: String) {
        lines.withLock { $0.append(line) }
        guard live else { return }
        _ = FileDescriptorWriting.writeAll(terminal ? "\r\u{1B}[2K" + line + "\n" + statusLine : line + "\n", to: STDERR_FILENO)
    }

    /// Replaces the status of the stack `line` starts with (`Stack: ...`).
    func status(_ line: String) {
        guard terminal else { return }
        let stack = String(line.prefix { $0 != ":" })
        statuses.withLock { statuses in
            if let index = statuses.firstIndex(where: { $0.stack == stack }) { statuses[index].line = line } else { statuses.append((stack, line)) }
        }
        _ = FileDescriptorWriting.writeAll("\r\u{1B}[2K" + statusLine, to: STDERR_FILENO)
    }

    private var statusLine: String {
        statuses.withLock { $0.map(\.line).joined(separator: " | ") }
    }

    /// Ends the status line, so that what follows starts on a line of its own.
    func finish() {
        if terminal, !statusLine.isEmpty { _ = FileDescriptorWriting.writeAll("\n", to: STDERR_FILENO) }
    }

    /// The lines not yet written (all of them when not live), for the command's standard error.
    var unwritten: [String] { live ? [] : lines.withLock { $0 } }
}
