import Foundation

/// Credentials printed by a profile's `credential_process` command as JSON (`Version: 1`, `AccessKeyId`,
/// `SecretAccessKey`, optional `SessionToken` and `Expiration`). What the command prints is never repeated in
/// an error: it holds secrets.
enum ProcessCredentials {
    struct Output: Decodable {
        var Version: Int
        var AccessKeyId: String
        var SecretAccessKey: String
        var SessionToken: String?
        var Expiration: String?
    }

    /// The most a command may print: 64 KiB. The credential JSON is well under 4 KiB.
    static let maximumOutputBytes = 64 << 10

    /// Runs `command` with `/bin/sh -c` and reads the credentials it prints; the command has `timeout`
    /// seconds (default 60) to print them and exit, and may print at most ``maximumOutputBytes``.
    static func run(_ command: String, profile: String, timeout: TimeInterval = 60) async throws(CloudError) -> AWSCredentials {
        let source = "credential_process of profile \(profile)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .invalidCredentials(source: source, reason: "the command cannot be started")
        }
        let deadline = DispatchTime.now() + timeout
        let outcome = BoundedPipeRead.read(output.fileHandleForReading.fileDescriptor, limit: maximumOutputBytes, deadline: deadline)
        // Once its output is complete the command has until the deadline to exit; otherwise it is stopped now.
        if case .complete = outcome {
            while process.isRunning, DispatchTime.now() < deadline { usleep(10_000) }
        }
        let finished = !process.isRunning
        if !finished { process.terminate() }
        try? output.fileHandleForReading.close()
        let data: Data
        switch outcome {
        case .complete(let printed) where finished:
            data = printed
        case .tooLarge:
            throw .invalidCredentials(
                source: source, reason: "the command printed more than \(maximumOutputBytes / 1024) KiB; the credential JSON is far smaller")
        case .complete, .timedOut:
            throw .invalidCredentials(source: source, reason: "the command did not finish within \(Int(timeout)) seconds")
        case .failed(let code):
            throw .invalidCredentials(source: source, reason: "the command's output cannot be read: \(String(cString: strerror(code)))")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .invalidCredentials(source: source, reason: "the command exited with status \(process.terminationStatus)")
        }
        guard let parsed = try? JSONDecoder().decode(Output.self, from: data) else {
            throw .invalidCredentials(source: source, reason: "the command's output is not the credential JSON (Version, AccessKeyId, SecretAccessKey)")
        }
        guard parsed.Version == 1 else {
            throw .invalidCredentials(source: source, reason: "the output's Version is \(parsed.Version); only 1 is defined")
        }
        return AWSCredentials(
            accessKeyId: parsed.AccessKeyId, secretAccessKey: parsed.SecretAccessKey, sessionToken: parsed.SessionToken,
            expiration: parsed.Expiration.flatMap(ISO8601Timestamp.parse), source: source)
    }
}
