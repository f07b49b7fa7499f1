import FormworkCore
import FormworkTemplate

/// The exit codes every Formwork command uses (the command-line contract in ARCHITECTURE.md, "Exit codes").
package enum ExitStatus: Int32, Sendable {
    /// The command did what was asked.
    case done = 0
    /// Findings the caller asked to fail on (`diff --fail` with differences, `check --strict` with errors).
    case findings = 1
    /// Bad input: an unreadable or invalid template, a synthesis error, wrong usage.
    case badInput = 2
    /// The environment failed: the file system, the network, credentials, AWS.
    case environment = 3
}

/// A command's failure: the exit status and what to tell the user.
package struct CommandFailure: Error, Sendable {
    /// The exit status the process ends with.
    package var status: ExitStatus
    /// The message printed to standard error.
    package var message: String

    /// ``message`` without its `error: ` prefix, for a message that goes inside another.
    var reason: String {
        message.hasPrefix("error: ") ? String(message.dropFirst("error: ".count)) : message
    }

    /// A failure with `status`, explained by `message`.
    package init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }
}

/// What a command prints, collected so that the same commands run in a process or in a test.
package struct CommandOutput: Sendable {
    /// Text for standard output.
    package var standardOutput = ""
    /// Text for standard error.
    package var standardError = ""

    /// Appends a line to standard output.
    package mutating func print(_ line: String) {
        standardOutput += line + "\n"
    }

    /// Appends a line to standard error.
    package mutating func printError(_ line: String) {
        standardError += line + "\n"
    }
}

extension CommandFailure {
    /// The failure to read a template: exit status 3 when the file system failed (missing file, no
    /// permission, not a regular file), 2 when the text is not a valid template.
    init(reading error: TemplateReadError) {
        switch error {
        case .unreadable: self.init(.environment, "error: \(error.description)")
        case .syntax, .structure: self.init(.badInput, "error: \(error.description)")
        }
    }
}

extension CommandFailure {
    /// Runs `write`; a refusal to replace what is there, or a file-system error, becomes exit status 3 saying
    /// what could not be written (`target`: `'out.json'`, `the cloud assembly to 'formwork.out'`).
    static func writing(_ target: String, _ write: () throws -> Void) throws(CommandFailure) {
        do {
            try write()
        } catch let refusal as OutputRefusal {
            throw CommandFailure(.environment, "error: \(refusal)")
        } catch {
            throw CommandFailure(.environment, "error: cannot write \(target): \(FileSystemError.describe(error))")
        }
    }
}
