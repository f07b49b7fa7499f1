import Foundation
@testable import FormworkCloud
import FormworkTestSupport
import Testing

/// Credential sources that misbehave: a `credential_process` that never closes its output or prints without
/// end, a `source_profile` chain thousands of profiles long, a config file that is not UTF-8. Each ends in
/// bounded time with an error that says what to fix.
@Suite struct HostileCredentialSourcesTests {
    func resolve(_ variables: [String: String], profile: String) -> Result<AWSCredentials, CloudError> {
        let environment = AWSEnvironment(variables: variables, profile: profile, transport: CredentialChainTests.noNetwork, retry: RetryPolicy(maxAttempts: 1))
        return Result { () throws(CloudError) -> AWSCredentials in
            try SynchronousWait.run { () async throws(CloudError) -> AWSCredentials in try await CredentialChain.resolve(environment) }
        }
    }

    func runProcess(_ command: String, timeout: TimeInterval) -> Result<AWSCredentials, CloudError> {
        Result { () throws(CloudError) -> AWSCredentials in
            try SynchronousWait.run { () async throws(CloudError) -> AWSCredentials in
                try await ProcessCredentials.run(command, profile: "tool", timeout: timeout)
            }
        }
    }

    @Test func aCredentialProcessWhoseChildKeepsItsOutputOpenTimesOut() {
        let started = Date()
        let result = runProcess(#"sleep 30 & echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S"}'"#, timeout: 1)
        #expect(throws: CloudError.invalidCredentials(source: "credential_process of profile tool", reason: "the command did not finish within 1 seconds")) {
            try result.get()
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aCredentialProcessThatPrintsWithoutEndIsStoppedAtTheCap() {
        let result = runProcess("yes SECRET", timeout: 30)
        #expect(
            throws: CloudError.invalidCredentials(
                source: "credential_process of profile tool",
                reason: "the command printed more than 64 KiB; the credential JSON is far smaller")
        ) { try result.get() }
    }

    @Test func aCredentialProcessThatPrintsAndExitsIsRead() {
        let result = runProcess(#"echo '{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "S"}'"#, timeout: 30)
        #expect((try? result.get())?.accessKeyId == "AKIDPROCESS")
    }

    @Test func aSourceProfileChainLongerThanTheBoundIsRefusedQuickly() throws {
        let folder = try TemporaryDirectory()
        var config = ""
        for index in 0..<20_000 {
            config += "[profile p\(index)]\nrole_arn = arn:aws:iam::1:role/r\(index)\nsource_profile = p\(index + 1)\n"
        }
        try folder.write(config, to: "config")
        let started = Date()
        let result = resolve(["AWS_CONFIG_FILE": folder.path("config"), "AWS_REGION": "us-east-1"], profile: "p0")
        #expect(throws: CloudError.configuration("the profiles p0 → p1 → p2 → … name each other as source_profile more than 16 deep; shorten the chain")) {
            try result.get()
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aConfigFileThatIsNotUTF8IsAnErrorNotAnEmptyFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("config")
        try Data([0x5B, 0x64, 0x65, 0x66, 0x61, 0x75, 0x6C, 0x74, 0x5D, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: path))
        let result = resolve(["AWS_CONFIG_FILE": path], profile: "default")
        #expect(throws: CloudError.configuration("the AWS config file '\(path)' is not UTF-8 text; save it as UTF-8 (its place: AWS_CONFIG_FILE or ~/.aws)")) {
            try result.get()
        }
    }

    @Test func aConfigFileThatIsAFIFOIsRefusedWithoutBlocking() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("config")
        #expect(mkfifo(path, 0o600) == 0)
        let result = resolve(["AWS_CONFIG_FILE": path], profile: "default")
        #expect(throws: CloudError.configuration("the AWS config file '\(path)' is not a regular file (its place: AWS_CONFIG_FILE or ~/.aws)")) {
            try result.get()
        }
    }
}
