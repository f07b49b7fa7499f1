import Foundation

/// The environment variables a command sees: the process's, or the ones a test runs it with
/// (`CommandRunner.run(_:root:app:environment:)`), so that tests never change the process's own.
enum CommandEnvironment {
    @TaskLocal static var variables: [String: String] = ProcessInfo.processInfo.environment

    /// Whether the command runs as the process (not inside a test): long commands then write progress as it
    /// comes, ask questions on the terminal, and stop on Ctrl-C.
    @TaskLocal static var streamsProgress = false
}
