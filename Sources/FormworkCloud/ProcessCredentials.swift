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
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: deadline, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        guard process.terminationReason == .exit else {
            throw .invalidCredentials(source: source, reason: "the command did not finish within \(Int(timeout)) seconds")
        }
        guard process.terminationStatus == 0 else {
            throw .invalidCredentials(source: source, reason: "the command exited with status \(process.terminationStatus)")
        }
        guard let parsed = try? JSONDecoder().decode(Output.self, from: data) else {
            throw .invalidCredentials(source: source, reason: "the command's output is not the credential JSON (Version, AccessKeyId, SecretAccessKey)")
        }
        guard parsed.Version == 1 else {
            throw .invalidCredentials(source: source, reason: "the output's Version is \(parsed.Version); only 1 is defined")
        }
        return AWSCredentials(accessKeyId: parsed.AccessKeyId, secretAccessKey: parsed.SecretAccessKey, sessionToken: parsed.SessionToken,
                              expiration: parsed.Expiration.flatMap(ISO8601Timestamp.parse), source: source)
    }
}
