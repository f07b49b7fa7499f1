import ArgumentParser
import Foundation
import FormworkCore
import FormworkTemplate

/// A Formwork command: parsed by argument-parser, run against the app when there is one.
protocol FormworkCommand: ParsableCommand {
    func run(app: App?, output: inout CommandOutput) throws(CommandFailure)
}

/// Parses arguments, runs the command they name, and reports the exit status and what it printed.
package enum CommandRunner {
    /// The outcome of one command.
    package struct Result: Sendable {
        /// The exit status.
        package var status: ExitStatus
        /// What the command printed.
        package var output: CommandOutput
    }

    /// Runs `arguments` (without the program name) with `root` as the top command, for `app` if given, with
    /// `environment` as the environment variables (the process's when not given).
    package static func run(
        _ arguments: [String], root: any ParsableCommand.Type, app: App? = nil,
        environment: [String: String]? = nil
    ) -> Result {
        guard let environment else { return runParsed(arguments, root: root, app: app) }
        return CommandEnvironment.$variables.withValue(environment) { runParsed(arguments, root: root, app: app) }
    }

    private static func runParsed(_ arguments: [String], root: any ParsableCommand.Type, app: App?) -> Result {
        var output = CommandOutput()
        do {
            var command = try root.parseAsRoot(arguments)
            guard let runnable = command as? any FormworkCommand else {
                // argument-parser's own commands (`help validate`) report what to print by throwing.
                try command.run()
                output.print(root.helpMessage())
                return Result(status: .done, output: output)
            }
            do {
                try runnable.run(app: app, output: &output)
                return Result(status: .done, output: output)
            } catch {
                output.printError(error.message)
                return Result(status: error.status, output: output)
            }
        } catch {
            let message = root.fullMessage(for: error)
            if root.exitCode(for: error) == .success {
                output.print(message)
                return Result(status: .done, output: output)
            }
            output.printError(message)
            return Result(status: .badInput, output: output)
        }
    }

    /// Runs the process's arguments and exits with the command's status.
    package static func main(root: any ParsableCommand.Type, app: App? = nil) -> Never {
        ProcessMemory.keepFreedMemoryForReuse()
        let result = CommandEnvironment.$streamsProgress.withValue(true) { run(Array(CommandLine.arguments.dropFirst()), root: root, app: app) }
        let outputFailure = FileDescriptorWriting.writeAll(result.output.standardOutput, to: STDOUT_FILENO)
        let errorFailure = FileDescriptorWriting.writeAll(result.output.standardError, to: STDERR_FILENO)
        guard outputFailure == nil, errorFailure == nil else {
            // The output is lost (a full disk, a closed pipe): say so where possible, and fail.
            _ = FileDescriptorWriting.writeAll("error: cannot write the output\n", to: STDERR_FILENO)
            exit(ExitStatus.environment.rawValue)
        }
        exit(result.status.rawValue)
    }
}

extension App {
    /// Runs the app's command line (`synth`, `list`) on the process's arguments, then exits.
    ///
    /// ```swift
    /// // main.swift
    /// import Formwork
    /// App { Stack("Orders") { ... } }.main()
    /// ```
    public func main() -> Never {
        CommandRunner.main(root: AppCommand.self, app: self)
    }
}
