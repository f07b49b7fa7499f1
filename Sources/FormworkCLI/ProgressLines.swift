import FormworkTemplate
import Foundation
import Synchronization

/// Progress lines of a long command (deploy, destroy): written to standard error as they come when the
/// command runs as a process, and kept for the command's output either way.
final class ProgressLines: Sendable {
    private let lines = Mutex<[String]>([])
    private let live: Bool

    /// Lines written as they come when `live`.
    init(live: Bool = CommandEnvironment.streamsProgress) {
        self.live = live
    }

    func add(_ line: String) {
        if live { _ = FileDescriptorWriting.writeAll(line + "\n", to: STDERR_FILENO) }
        lines.withLock { $0.append(line) }
    }

    /// The lines not yet written (all of them when not live), for the command's standard error.
    var unwritten: [String] { live ? [] : lines.withLock { $0 } }
}
