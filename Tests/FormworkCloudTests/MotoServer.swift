import Foundation
import FormworkCloud
import Testing

/// A local moto server (`pip install 'moto[server]'`) on 127.0.0.1 and a free port, with signature checking
/// on: the first three actions (free while `INITIAL_NO_AUTH_ACTION_COUNT=3`) create an IAM user, its access
/// key and an allow-all policy; every request after is checked against that user's key. One server serves
/// the whole test run (tests use their own stack names) and stops within a second of the process's end.
final class MotoServer: Sendable {
    /// The server's URL, for `--endpoint-url`.
    let endpoint: String
    /// The key of the IAM user every test signs with.
    let accessKeyId: String
    let secretAccessKey: String

    /// Started on first use; when it cannot start, the suites that need it are skipped (``needsMoto``)
    /// and the reason is printed once.
    static let shared: Result<MotoServer, MotoServerError> = Result { () throws(MotoServerError) -> MotoServer in try MotoServer(checksSignatures: true) }

    /// Whether the shared server runs; the reason it does not is printed to standard error, once.
    static let isAvailable: Bool = {
        if case .failure(let error) = shared {
            FileHandle.standardError.write(Data("note: the tests that need a local AWS are skipped: \(error)\n".utf8))
            return false
        }
        return true
    }()

    /// A server without signature checking, for the one call AWS takes unsigned: moto with signature checking
    /// on answers an unsigned `AssumeRoleWithWebIdentity` with status 500 (botocore's request too).
    static let unsigned: Result<MotoServer, MotoServerError> = Result { () throws(MotoServerError) -> MotoServer in try MotoServer(checksSignatures: false) }

    /// The environment variables of a process signed as the test user, with no config files to read.
    func environment(home: String) -> [String: String] {
        [
            "AWS_ACCESS_KEY_ID": accessKeyId, "AWS_SECRET_ACCESS_KEY": secretAccessKey, "AWS_REGION": "us-east-1", "HOME": home,
            "AWS_EC2_METADATA_DISABLED": "true",
        ]
    }

    /// Credentials of the test user.
    var credentials: AWSCredentials {
        AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, source: "test user")
    }

    /// A client environment pointing at the server, with `variables` added.
    func awsEnvironment(_ variables: [String: String] = [:], home: String = NSTemporaryDirectory(), profile: String? = nil) -> AWSEnvironment {
        AWSEnvironment(variables: environment(home: home).merging(variables) { $1 }, profile: profile, endpointURL: endpoint)
    }

    private init(checksSignatures: Bool) throws(MotoServerError) {
        let port = try Self.freePort()
        endpoint = "http://127.0.0.1:\(port)"
        let process = Process()
        // A shell watches this process and stops the server when it is gone, even when the tests are killed.
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let python = try MotoPython.executable.get()
        // moto's own server, with exports registered for change sets too (LocalAWS/moto_server.py says why).
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("LocalAWS/moto_server.py").path
        process.arguments = [
            "-c",
            """
            '\(python)' '\(script)' -H 127.0.0.1 -p \(port) & server=$!
            trap 'kill -9 $server 2>/dev/null; exit 0' TERM INT
            while kill -0 \(getpid()) 2>/dev/null && kill -0 $server 2>/dev/null; do sleep 1; done
            kill -9 $server 2>/dev/null
            """,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(checksSignatures ? ["INITIAL_NO_AUTH_ACTION_COUNT": "3"] : [:]) { $1 }
        // The server's log, for when a test fails: `<temporary folder>/formwork-moto-<port>.log`.
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("formwork-moto-\(port).log").path
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = log
        process.standardError = log
        do {
            try process.run()
        } catch {
            throw MotoServerError(reason: "cannot start \(python) \(script): \(error)")
        }
        try Self.waitUntilListening(port: port, process: process, python: python, logPath: logPath)
        (accessKeyId, secretAccessKey) = checksSignatures ? try Self.createUser(endpoint: endpoint) : ("AKIDUNCHECKED", "unchecked")
    }

    private static func freePort() throws(MotoServerError) -> UInt16 {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, length) == 0 && getsockname(socketDescriptor, $0, &length) == 0
            }
        }
        guard bound else { throw MotoServerError(reason: "no free port on 127.0.0.1") }
        return UInt16(bigEndian: address.sin_port)
    }

    private static func waitUntilListening(port: UInt16, process: Process, python: String, logPath: String) throws(MotoServerError) {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            guard process.isRunning else {
                throw MotoServerError(reason: "\(python) -m moto.server exited with status \(process.terminationStatus); see \(logPath)")
            }
            let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = port.bigEndian
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(socketDescriptor)
            if connected { return }
            usleep(100_000)
        }
        throw MotoServerError(reason: "moto did not listen on port \(port) within 60 seconds")
    }

    /// The three unauthenticated actions: a user, its key, a policy allowing everything.
    private static func createUser(endpoint: String) throws(MotoServerError) -> (String, String) {
        let bootstrap = AWSEnvironment(variables: [:], endpointURL: endpoint)
        let anyKey = RefreshingCredentials { AWSCredentials(accessKeyId: "AKIDBOOTSTRAP", secretAccessKey: "unchecked", source: "bootstrap") }
        let iam = AWSQueryClient(
            service: "iam", version: "2010-05-08", endpoint: URL(string: endpoint)!, region: "us-east-1",
            credentials: anyKey, transport: bootstrap.transport, retry: .standard)
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        let outcome = Result { () throws(CloudError) -> (String, String) in
            try SynchronousWait.run { () async throws(CloudError) -> (String, String) in
                _ = try await iam.call("CreateUser", [("UserName", "formwork-tests")])
                let key = try await iam.call("CreateAccessKey", [("UserName", "formwork-tests")])
                _ = try await iam.call("PutUserPolicy", [("UserName", "formwork-tests"), ("PolicyName", "all"), ("PolicyDocument", policy)])
                return (key["AccessKey"]?.string("AccessKeyId") ?? "", key["AccessKey"]?.string("SecretAccessKey") ?? "")
            }
        }
        guard case .success(let pair) = outcome, !pair.0.isEmpty else {
            throw MotoServerError(reason: "moto did not create the test user: \(outcome)")
        }
        return pair
    }
}

/// Why the moto server is not there.
struct MotoServerError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "the local moto server is not available: \(reason)" }
}

extension Trait where Self == ConditionTrait {
    /// Runs a suite only when the local moto server runs (see ``MotoServer/isAvailable``).
    static var needsMoto: Self {
        .enabled("needs the local moto server (python3 with moto, or one installed in .build/moto-venv); the reason it cannot start is printed above") {
            MotoServer.isAvailable
        }
    }
}
