import FormworkDiff
import FormworkTemplate
import Foundation
import Synchronization

/// Asks on the terminal whether to go on with a change that needs approval; without a terminal (CI, a
/// test) the answer is no. One question at a time.
final class TerminalApproval: Sendable {
    private let asking = Mutex(())

    func ask(_ stack: String, _ diff: TemplateDiff) -> Bool {
        guard CommandEnvironment.streamsProgress, isatty(STDIN_FILENO) != 0, isatty(STDERR_FILENO) != 0 else { return false }
        return asking.withLock { _ in
            let changes = DiffTextRenderer().render(stack, diff) + DiffTextRenderer().renderSecurity(stack, diff)
            _ = FileDescriptorWriting.writeAll(changes + "Deploy \(stack)? (y/N) ", to: STDERR_FILENO)
            return ["y", "yes"].contains(readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "")
        }
    }
}
